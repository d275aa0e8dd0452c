package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Referral;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;

/** {@code persetujuan}: the consent of the referral, which holds for every victim. */
final class ConsentMapper {

    private static final Set<String> YES_NO = new LinkedHashSet<>(List.of(KukarFields.YA, KukarFields.TIDAK));

    private ConsentMapper() {}

    static Consent read(JsonNode root, FieldReader in) {
        JsonNode consent = in.object(root, "", KukarFields.PERSETUJUAN, REQUIRED);
        if (consent == null) {
            return null;
        }
        String at = KukarFields.PERSETUJUAN;
        String share = in.oneOf(consent, at, KukarFields.BERBAGI_DATA, REQUIRED, YES_NO);
        Coding giver = in.code(consent, at, KukarFields.DIBERIKAN_OLEH, KukarFields.LIST_DIBERIKAN_OLEH, REQUIRED);
        LocalDate date = in.date(consent, at, KukarFields.TGL, REQUIRED);
        Coding basis = in.code(consent, at, KukarFields.DASAR_HUKUM, KukarFields.LIST_DASAR_HUKUM, OPTIONAL);
        if (share == null || giver == null || date == null) {
            return null;
        }
        return new Consent(
                KukarFields.YA.equals(share),
                // Without a stated legal basis Kukar's staff asked for consent: that is the basis.
                basis == null ? Consent.CONSENT : basis.getCode(),
                Consent.VICTIM.equals(giver.getCode()) ? null : giver.getCode(),
                PartialDateTime.of(date));
    }

    /** Kukar's {@code persetujuan}, from the first victim's consent; empty when there is none. */
    static Optional<ObjectNode> write(Referral referral, RenderContext out) {
        Consent consent = RenderContext.consent(referral);
        if (consent == null) {
            return Optional.empty();
        }
        String at = KukarFields.PERSETUJUAN;
        ObjectNode json = JsonDocuments.object();
        json.put(KukarFields.BERBAGI_DATA, consent.permits() ? KukarFields.YA : KukarFields.TIDAK);
        JsonDocuments.putIfPresent(
                json,
                KukarFields.DIBERIKAN_OLEH,
                out.code(
                        KukarFields.LIST_DIBERIKAN_OLEH,
                        Canonical.CS_CONSENT_GIVER,
                        consent.giverOrVictim(),
                        FieldReader.path(at, KukarFields.DIBERIKAN_OLEH)));
        if (consent.date() != null) {
            JsonDocuments.putIfPresent(
                    json,
                    KukarFields.TGL,
                    KukarFormats.date(out, consent.date(), FieldReader.path(at, KukarFields.TGL), false));
        }
        // Consent is what Kukar assumes when dasar_hukum is absent, so only other bases are written.
        if (consent.basis() != null && !Consent.CONSENT.equals(consent.basis())) {
            JsonDocuments.putIfPresent(
                    json,
                    KukarFields.DASAR_HUKUM,
                    out.code(
                            KukarFields.LIST_DASAR_HUKUM,
                            Canonical.CS_LAWFUL_BASIS,
                            consent.basis(),
                            FieldReader.path(at, KukarFields.DASAR_HUKUM)));
        }
        return Optional.of(json);
    }
}
