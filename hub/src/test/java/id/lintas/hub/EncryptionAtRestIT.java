package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import id.lintas.hub.protect.FieldCipher;
import id.lintas.hub.protect.Keysets;
import id.lintas.hub.protect.Reencryption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Identifying data at rest: encrypted per field with the key id beside it, bound to its row, found by
 * keyed hash when the same victim comes again, and moved to a new key after a rotation while the hub
 * keeps serving (old values stay readable until then).
 */
class EncryptionAtRestIT extends HubIntegrationTest {

    @Autowired
    FieldCipher cipher;

    @Autowired
    Reencryption reencryption;

    private String send(String caseNumber) {
        String body = sample("kukar-json", "referral-tppo-to-ppu.json").replace("KKR/2025/0412", caseNumber);
        return Samples.json(postKukar("referrals", body).getBody())
                .path("referralId")
                .asText();
    }

    @Test
    void storesTheBundleEncryptedWithItsKeyIdAndBoundToItsRow() {
        String id = send("KKR/IT/ENC-" + System.nanoTime());

        var row = jdbc.sql(
                        "select canonical::text as clear, canonical_enc, canonical_key from referral where id = ?::uuid")
                .param(id)
                .query()
                .singleRow();
        assertThat(row.get("clear")).isNull();
        byte[] sealed = (byte[]) row.get("canonical_enc");
        assertThat(FieldCipher.keyIdOf(sealed)).isEqualTo(row.get("canonical_key"));
        assertThat(new String(cipher.decrypt(sealed, "referral.canonical", UUID.fromString(id))))
                .contains("\"resourceType\":\"Bundle\"");
        // Copied to another row, or changed by one bit, it no longer decrypts.
        assertThatThrownBy(() -> cipher.decrypt(sealed, "referral.canonical", UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "referral.canonical", UUID.fromString(id)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameVictimReferredTwiceIsFoundByTheKeyedHashOfTheNik() {
        String first = send("KKR/IT/SAME-1-" + System.nanoTime());
        String second = send("KKR/IT/SAME-2-" + System.nanoTime());

        assertThat(jdbc.sql("select count(*) from referral_identity where referral_id = ?::uuid")
                        .param(second)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        List<String> same = jsonStrings(second);
        assertThat(same).contains(first).doesNotContain(second);
        // The NIK itself is nowhere: only its keyed hash, 32 bytes.
        assertThat(jdbc.sql("select length(nik_hash) from referral_identity where referral_id = ?::uuid")
                        .param(second)
                        .query(Integer.class)
                        .single())
                .isEqualTo(32);
    }

    private List<String> jsonStrings(String referral) {
        var node = Samples.json(http.getForObject("/api/v1/referrals/" + referral, String.class))
                .path("sameVictimReferrals");
        return java.util.stream.StreamSupport.stream(node.spliterator(), false)
                .map(n -> n.asText())
                .toList();
    }

    @Test
    void aRotatedKeyEncryptsNewValuesAndTheJobMovesOldAndClearOnesWhileTheyStayReadable() throws Exception {
        String before = send("KKR/IT/ROT-1-" + System.nanoTime());
        int oldKey = cipher.primaryKeyId();
        // A value written before encryption existed: in clear in the old column.
        String legacy = send("KKR/IT/ROT-0-" + System.nanoTime());
        jdbc.sql(
                        "update referral set canonical = cast(? as jsonb), canonical_enc = null, canonical_key = null where id = ?::uuid")
                .params(
                        new String(cipher.decrypt(
                                jdbc.sql("select canonical_enc from referral where id = ?::uuid")
                                        .param(legacy)
                                        .query(byte[].class)
                                        .single(),
                                "referral.canonical",
                                UUID.fromString(legacy))),
                        legacy)
                .update();

        Path file = DATA_DIR.resolve("security").resolve("field-keys.json");
        KeysetHandle rotated = Keysets.rotate(
                com.google.crypto.tink.TinkJsonProtoKeysetFormat.parseKeyset(
                        Files.readString(file), com.google.crypto.tink.InsecureSecretKeyAccess.get()),
                PredefinedAeadParameters.AES256_GCM);
        Files.writeString(
                file,
                com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
                        rotated, com.google.crypto.tink.InsecureSecretKeyAccess.get()));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        cipher.reloadIfChanged();
        int newKey = cipher.primaryKeyId();
        assertThat(newKey).isNotEqualTo(oldKey);

        // Still readable before the job ran: old key and clear value alike.
        assertThat(http.getForObject("/api/v1/referrals/" + before, String.class))
                .contains("\"resourceType\":\"Bundle\"");
        assertThat(http.getForObject("/api/v1/referrals/" + legacy, String.class))
                .contains("\"resourceType\":\"Bundle\"");
        String after = send("KKR/IT/ROT-2-" + System.nanoTime());
        assertThat(jdbc.sql("select canonical_key from referral where id = ?::uuid")
                        .param(after)
                        .query(Integer.class)
                        .single())
                .isEqualTo(newKey);

        assertThat(reencryption.run()).isPositive();

        for (String table : List.of("referral:canonical", "inbound_message:content", "delivery:note")) {
            String[] t = table.split(":");
            assertThat(jdbc.sql("select count(*) from " + t[0] + " where " + t[1] + " is not null or (" + t[1]
                                    + "_enc is not null and " + t[1] + "_key <> ?)")
                            .param(newKey)
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(http.getForObject("/api/v1/referrals/" + before, String.class))
                .contains("\"resourceType\":\"Bundle\"");
        assertThat(http.getForObject("/api/v1/referrals/" + legacy, String.class))
                .contains("\"resourceType\":\"Bundle\"");
    }
}
