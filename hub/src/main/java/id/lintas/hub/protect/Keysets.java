package id.lintas.hub.protect;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.SignatureConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * Reading, creating and rotating Tink keysets kept as JSON files outside the database (readable by the
 * hub's user only). A deployment keeps them on a mounted secret, or wraps them with its KMS.
 *
 * <p>Command line (rotation): {@code java -cp hub/target/lintas-hub.jar -Dloader.main=id.lintas.hub.protect.Keysets
 * org.springframework.boot.loader.launch.PropertiesLauncher rotate <field-keys.json>} adds a new AES-256-GCM
 * key and makes it the primary; running hubs pick it up within {@code lintas.crypto.reload-interval}
 * and the re-encryption job moves old values to it. Old keys stay until no value uses them.
 */
public final class Keysets {

    /** AES-256-GCM, for identifying fields. */
    static final Parameters FIELD = PredefinedAeadParameters.AES256_GCM;
    /** HMAC-SHA256 as a PRF, for keyed hashes. */
    static final Parameters LOOKUP = PredefinedPrfParameters.HMAC_SHA256_PRF;

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
            SignatureConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Keysets() {}

    /**
     * A keyed hash (HMAC-SHA256 PRF) from the keyset in the file, created when the file does not exist:
     * for commitments of payloads that must not be kept (the audit log's).
     */
    public static PrfSet keyedHash(Path file) {
        try {
            return readOrCreate(file, LOOKUP).getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keyset " + file + " is not an HMAC PRF keyset", e);
        }
    }

    /**
     * An Ed25519 keyset (raw signatures, no Tink prefix) from the file, created with one key when the file
     * does not exist: the audit log's checkpoint signing key.
     */
    public static KeysetHandle ed25519(Path file) {
        return readOrCreate(file, Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX));
    }

    /** The keyset in the file, created with one key when the file does not exist yet. */
    static KeysetHandle readOrCreate(Path file, Parameters parameters) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            KeysetHandle created = KeysetHandle.generateNew(parameters);
            write(file, created);
            return created;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a keyset in " + file, e);
        }
    }

    static KeysetHandle read(Path file) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keyset " + file + " cannot be read", e);
        }
    }

    /** Adds a new primary key to the keyset; the old ones stay to decrypt. */
    public static KeysetHandle rotate(KeysetHandle keyset, Parameters parameters) throws GeneralSecurityException {
        return KeysetHandle.newBuilder(keyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(parameters)
                        .withRandomId()
                        .makePrimary())
                .build();
    }

    static void write(Path file, KeysetHandle keyset) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(
                    temp,
                    TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
                    StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: rely on the directory's ACL.
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the keyset " + file, e);
        }
    }

    public static void main(String[] args) throws GeneralSecurityException {
        if (args.length != 2 || !"rotate".equals(args[0])) {
            System.err.println("usage: Keysets rotate <field-keys.json>");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        KeysetHandle rotated = rotate(read(file), FIELD);
        write(file, rotated);
        System.out.println("new primary key "
                + Integer.toUnsignedString(rotated.getPrimary().getId()) + " in " + file);
    }
}
