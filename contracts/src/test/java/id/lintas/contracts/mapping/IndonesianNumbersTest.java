package id.lintas.contracts.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndonesianNumbersTest {

    @Test
    void takesTheBareCountryCodeOnlyWhereTheFormatAllowsIt() {
        assertThat(IndonesianNumbers.toE164("62 812-5432-1098", true)).contains("+6281254321098");
        assertThat(IndonesianNumbers.toE164("62 812-5432-1098", false)).isEmpty();
        assertThat(IndonesianNumbers.toE164("0812-5432-1098", false)).contains("+6281254321098");
    }

    @Test
    void refusesNumbersOfImplausibleLengthAndGivesTheNationalFormBack() {
        assertThat(IndonesianNumbers.toE164("0812", true)).isEmpty();
        assertThat(IndonesianNumbers.toNational("+6281254321098")).isEqualTo("081254321098");
        assertThat(IndonesianNumbers.toNational("+6591234567")).isEqualTo("+6591234567");
    }

    @Test
    void checksTheBirthDateInsideANik() {
        assertThat(IndonesianNumbers.isNik("6402015507100001")).isTrue();
        assertThat(IndonesianNumbers.isNik("6402019913100001")).isFalse();
        assertThat(IndonesianNumbers.isNip("198501012010012001")).isTrue();
    }
}
