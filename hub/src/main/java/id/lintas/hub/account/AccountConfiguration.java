package id.lintas.hub.account;

import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.participant.ParticipantDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The hub's accounts: a signer's party must be one of its participants. */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    @Bean
    AccountService accountService(
            JdbcClient jdbc,
            JdbcUserDetailsManager users,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            ParticipantDirectory participants,
            AuditLog audit) {
        return new AccountService(
                jdbc,
                users,
                passwords,
                transactions,
                party -> participants.find(party).isPresent(),
                audit::append);
    }
}
