package id.lintas.load.baseline;

import ca.uhn.fhir.context.FhirContext;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.spi.CanonicalReferral;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The baseline's durable record: an embedded PostgreSQL started as the hub's
 * {@code EmbeddedPostgresConfiguration} starts it (fsync, synchronous commit and full-page writes on),
 * one row and one commit per referral, its canonical Bundle and raw message encrypted with Tink
 * AES-256-GCM bound to column and row (as the hub's {@code FieldCipher}), the victims' NIKs as an
 * HMAC-SHA256 lookup value.
 */
final class Store implements AutoCloseable {

    private static final String INSERT = "insert into referral (id, sender_id, source_reference, revision, receiver_id,"
            + " canonical, key_id, inbound, nik_lookup) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;
    private final Aead aead;
    private final int keyId;
    private final PrfSet lookup;
    private final CanonicalReader reader = CanonicalReader.standard();
    private final FhirContext fhir = FhirContext.forR4Cached();

    Store(Path dataDir, int poolSize) throws IOException, GeneralSecurityException, SQLException {
        AeadConfig.register();
        PrfConfig.register();
        KeysetHandle fieldKeys = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        this.aead = fieldKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.keyId = fieldKeys.getPrimary().getId();
        this.lookup = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)
                .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        this.postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(poolSize);
        this.pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute(
                    "create table referral (id uuid primary key, sender_id text not null, source_reference text not null,"
                            + " revision int not null, receiver_id text not null, canonical bytea not null, key_id int not null,"
                            + " inbound bytea, nik_lookup bytea, received_at timestamptz not null default now(),"
                            + " unique (sender_id, source_reference, revision))");
            sql.execute("create index referral_nik on referral (nik_lookup)");
            sql.execute("create table inbound_file (id uuid primary key, sender_id text not null, name text not null,"
                    + " content bytea not null, key_id int not null, received_at timestamptz not null default now())");
        }
    }

    /** A referral recorded for delivery to its receiver, committed; returns its id and its Bundle as JSON. */
    Recorded record(String sender, String receiver, CanonicalReferral referral, byte[] inbound)
            throws SQLException, GeneralSecurityException {
        UUID id = UUID.randomUUID();
        String json = fhir.newJsonParser().encodeResourceToString(referral.bundle());
        byte[] nikLookup = null;
        for (Victim victim : reader.read(referral.bundle()).victims()) {
            if (victim.nik() != null && nikLookup == null) {
                nikLookup = lookup.computePrimary(victim.nik().trim().getBytes(StandardCharsets.UTF_8), 32);
            }
        }
        try (Connection connection = pool.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setString(2, sender);
            insert.setString(3, referral.sourceReference());
            insert.setInt(4, referral.revision());
            insert.setString(5, receiver);
            insert.setBytes(
                    6, aead.encrypt(json.getBytes(StandardCharsets.UTF_8), associated("referral.canonical", id)));
            insert.setInt(7, keyId);
            insert.setBytes(
                    8, inbound == null ? null : aead.encrypt(inbound, associated("inbound_message.content", id)));
            insert.setBytes(9, nikLookup);
            insert.executeUpdate();
        }
        return new Recorded(id.toString(), json);
    }

    /** A dropped file as received, committed before its rows are read. */
    void recordFile(String sender, String name, byte[] content) throws SQLException, GeneralSecurityException {
        UUID id = UUID.randomUUID();
        try (Connection connection = pool.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into inbound_file (id, sender_id, name, content, key_id) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, sender);
            insert.setString(3, name);
            insert.setBytes(4, aead.encrypt(content, associated("inbound_message.content", id)));
            insert.setInt(5, keyId);
            insert.executeUpdate();
        }
    }

    record Recorded(String id, String bundleJson) {}

    private static byte[] associated(String field, UUID row) {
        return (field + "|" + row).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        pool.close();
        postgres.close();
    }
}
