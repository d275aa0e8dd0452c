package id.lintas.hub.protect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every identifying value to the primary key: values made with an older key after a rotation,
 * and values written in clear before encryption existed. Small batches, each in its own transaction,
 * rows locked with {@code skip locked} so intake and delivery never wait on it; the hub keeps serving
 * throughout. Counted by {@code lintas.crypto.reencrypted}.
 */
@Component
public class Reencryption {

    private static final Logger log = LoggerFactory.getLogger(Reencryption.class);

    /** A column that holds identifying data: its clear legacy column, its encrypted column and key id column. */
    record Target(String table, String clear, boolean clearIsText, String sealed, String keyId, String field) {}

    static final List<Target> TARGETS = List.of(
            new Target(
                    "referral",
                    "canonical",
                    true,
                    "canonical_enc",
                    "canonical_key",
                    EncryptedFields.REFERRAL_CANONICAL),
            new Target(
                    "inbound_message", "content", false, "content_enc", "content_key", EncryptedFields.INBOUND_CONTENT),
            new Target("delivery", "note", true, "note_enc", "note_key", EncryptedFields.DELIVERY_NOTE));

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate transactions;
    private final int batch;
    private final Counter reencrypted;

    Reencryption(
            JdbcClient jdbc,
            FieldCipher cipher,
            TransactionTemplate transactions,
            CryptoProperties properties,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = transactions;
        this.batch = properties.reencryptBatch();
        this.reencrypted = Counter.builder("lintas.crypto.reencrypted")
                .description("identifying values moved to the primary key")
                .register(meters);
    }

    /** Runs until nothing is left to move; returns how many values were moved. */
    @Scheduled(
            fixedDelayString = "${lintas.crypto.reencrypt-interval:5m}",
            initialDelayString = "${lintas.crypto.reencrypt-initial-delay:30s}")
    public int run() {
        int total = 0;
        for (Target target : TARGETS) {
            int moved;
            do {
                moved = transactions.execute(status -> batch(target));
                total += moved;
            } while (moved == batch);
        }
        if (total > 0) {
            reencrypted.increment(total);
            log.info(
                    "Re-encrypted {} identifying values under key {}",
                    total,
                    Integer.toUnsignedString(cipher.primaryKeyId()));
        }
        return total;
    }

    private int batch(Target t) {
        int primary = cipher.primaryKeyId();
        String clear = t.clearIsText() ? t.clear() + "::text" : t.clear();
        List<Object[]> rows = jdbc.sql("select id, " + clear + ", " + t.sealed() + " from " + t.table()
                        + " where " + t.clear() + " is not null or (" + t.sealed() + " is not null and " + t.keyId()
                        + " <> ?)"
                        + " limit ? for update skip locked")
                .params(primary, batch)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    t.clearIsText() ? utf8(rs.getString(2)) : rs.getBytes(2),
                    rs.getBytes(3)
                })
                .list();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            byte[] plaintext = row[2] != null ? cipher.decrypt((byte[]) row[2], t.field(), id) : (byte[]) row[1];
            FieldCipher.Sealed sealed = cipher.encrypt(plaintext, t.field(), id);
            jdbc.sql("update " + t.table() + " set " + t.sealed() + " = ?, " + t.keyId() + " = ?, " + t.clear()
                            + " = null where id = ?")
                    .params(sealed.bytes(), sealed.keyId(), id)
                    .update();
        }
        return rows.size();
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
