package id.lintas.hub.account;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.security.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

    @Test
    void aSignerHasAPartyAndOnlyASignerHasOne() {
        assertThat(AccountRules.roles(List.of("signer"), "kukar", p -> true).roles())
                .containsExactly(Role.SIGNER);
        assertThat(AccountRules.roles(List.of("SIGNER"), null, p -> true).errors())
                .extracting(FieldError::field)
                .containsExactly("party");
        assertThat(AccountRules.roles(List.of("OPERATOR"), "kukar", p -> true).errors())
                .extracting(FieldError::reason)
                .containsExactly("only a signer or an auditor has a party");
        assertThat(AccountRules.roles(List.of("SIGNER"), "atlantis", "kukar"::equals)
                        .errors())
                .extracting(FieldError::reason)
                .containsExactly("not a participant of this hub");
    }

    @Test
    void anAuditorIsNationalWithoutAPartyAndOfOnePartyWithOne() {
        assertThat(AccountRules.roles(List.of("AUDITOR"), null, p -> true).errors())
                .isEmpty();
        AccountRules.Checked ofKukar = AccountRules.roles(List.of("auditor"), "kukar", "kukar"::equals);
        assertThat(ofKukar.errors()).isEmpty();
        assertThat(ofKukar.party()).isEqualTo("kukar");
        assertThat(AccountRules.roles(List.of("AUDITOR"), "atlantis", "kukar"::equals)
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("party");
    }

    @Test
    void peopleHoldPeoplesRolesAndNoAdministratorSigns() {
        assertThat(AccountRules.roles(List.of("PARTICIPANT"), null, p -> true).errors())
                .extracting(FieldError::field)
                .containsExactly("roles");
        assertThat(AccountRules.roles(List.of(), null, p -> true).errors()).isNotEmpty();
        assertThat(AccountRules.roles(List.of("ADMIN", "SIGNER"), "kukar", p -> true)
                        .errors())
                .extracting(FieldError::reason)
                .anyMatch(reason -> reason.startsWith("an administrator does not sign"));
        assertThat(AccountRules.roles(List.of("ADMIN", "OPERATOR"), null, p -> true)
                        .errors())
                .isEmpty();
    }

    @Test
    void passwordsAreLongEnoughAndFitBcrypt() {
        assertThat(AccountRules.password("eleven char"))
                .extracting(FieldError::field)
                .containsExactly("password");
        assertThat(AccountRules.password("twelve chars")).isEmpty();
        assertThat(AccountRules.password("é".repeat(37))).as("74 bytes").isNotEmpty();
        assertThat(AccountRules.password(null)).isNotEmpty();
    }

    @Test
    void namesAreSimple() {
        assertThat(AccountRules.username("signer-kukar")).isEmpty();
        assertThat(AccountRules.username("Kepala IT")).isNotEmpty();
        assertThat(AccountRules.username("a")).isNotEmpty();
        assertThat(AccountRules.username(null)).isNotEmpty();
    }
}
