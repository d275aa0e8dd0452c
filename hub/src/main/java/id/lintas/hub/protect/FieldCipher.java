package id.lintas.hub.protect;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PrfSet;
import id.lintas.hub.platform.HubProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Encrypts and decrypts identifying fields with AES-256-GCM (Tink). Each value is bound to where it
 * lives ({@code table.column} and the row id, as associated data), so a value copied to another row or
 * column does not decrypt. The Tink ciphertext starts with the id of the key that made it; that id is
 * also stored beside each value so the re-encryption job can find old ones. The keysets live in files
 * outside the database and are re-read when they change, so a rotation needs no restart.
 */
@Component
@EnableConfigurationProperties(CryptoProperties.class)
public class FieldCipher {

    private static final Logger log = LoggerFactory.getLogger(FieldCipher.class);

    /** A value as stored: the ciphertext and the id of the key that made it. */
    public record Sealed(byte[] bytes, int keyId) {}

    private record Keys(Aead aead, int primaryKeyId, FileTime modified) {}

    private final Path fieldFile;
    private final PrfSet lookup;
    private volatile Keys keys;

    public FieldCipher(CryptoProperties properties, HubProperties hub) {
        Path dir = hub.dataDir().resolve("security");
        this.fieldFile = properties.fieldKeyset() != null ? properties.fieldKeyset() : dir.resolve("field-keys.json");
        Path lookupFile =
                properties.lookupKeyset() != null ? properties.lookupKeyset() : dir.resolve("lookup-key.json");
        if (properties.fieldKeyset() != null && !Files.exists(fieldFile)) {
            throw new IllegalStateException("lintas.crypto.field-keyset: " + fieldFile + " does not exist");
        }
        if (properties.lookupKeyset() != null && !Files.exists(lookupFile)) {
            throw new IllegalStateException("lintas.crypto.lookup-keyset: " + lookupFile + " does not exist");
        }
        KeysetHandle fieldKeys = Keysets.readOrCreate(fieldFile, Keysets.FIELD);
        this.keys = load(fieldKeys);
        try {
            this.lookup = Keysets.readOrCreate(lookupFile, Keysets.LOOKUP)
                    .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the lookup keyset " + lookupFile + " is not an HMAC PRF keyset", e);
        }
        log.info(
                "Field encryption key {} is primary ({} keys)",
                Integer.toUnsignedString(keys.primaryKeyId()),
                fieldKeys.size());
    }

    private Keys load(KeysetHandle keyset) {
        try {
            return new Keys(
                    keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    keyset.getPrimary().getId(),
                    modified());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the field keyset " + fieldFile + " is not an AEAD keyset", e);
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(fieldFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Picks up a rotated keyset file; a broken file is logged and the keys in use are kept. */
    @Scheduled(
            fixedDelayString = "${lintas.crypto.reload-interval:1m}",
            initialDelayString = "${lintas.crypto.reload-interval:1m}")
    public void reloadIfChanged() {
        try {
            if (!modified().equals(keys.modified())) {
                keys = load(Keysets.read(fieldFile));
                log.info("Field keyset reloaded: key {} is primary", Integer.toUnsignedString(keys.primaryKeyId()));
            }
        } catch (RuntimeException e) {
            log.error(
                    "The field keyset {} could not be reloaded ({}); the keys in use stay",
                    fieldFile,
                    e.getClass().getSimpleName());
        }
    }

    public int primaryKeyId() {
        return keys.primaryKeyId();
    }

    /**
     * @param field where the value lives, as {@code table.column}
     * @param row the row's id
     */
    public Sealed encrypt(byte[] plaintext, String field, UUID row) {
        try {
            Keys current = keys;
            return new Sealed(current.aead().encrypt(plaintext, associatedData(field, row)), current.primaryKeyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption of " + field + " failed", e);
        }
    }

    public Sealed encrypt(String plaintext, String field, UUID row) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), field, row);
    }

    public byte[] decrypt(byte[] sealed, String field, UUID row) {
        try {
            return keys.aead().decrypt(sealed, associatedData(field, row));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a value of " + field + " in row " + row
                            + " does not decrypt (a missing key, or a value moved or changed)",
                    e);
        }
    }

    public String decryptString(byte[] sealed, String field, UUID row) {
        return new String(decrypt(sealed, field, row), StandardCharsets.UTF_8);
    }

    /** The key id a Tink ciphertext names (bytes 1 to 4 after the version byte). */
    public static int keyIdOf(byte[] sealed) {
        return ByteBuffer.wrap(sealed, 1, 4).getInt();
    }

    /** A keyed hash (HMAC-SHA256) for looking a value up without storing it, e.g. a NIK. */
    public byte[] lookupHash(String normalised) {
        try {
            return lookup.computePrimary(normalised.getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyed hash failed", e);
        }
    }

    private static byte[] associatedData(String field, UUID row) {
        return (field + "|" + row).getBytes(StandardCharsets.UTF_8);
    }
}
