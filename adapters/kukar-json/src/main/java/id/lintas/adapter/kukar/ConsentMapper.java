package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * {@code persetujuan}: one canonical {@code Consent} (profile lintas-consent) per victim, and a
 * consent-giver {@code RelatedPerson} per victim when someone else gave it.
 */
final class ConsentMapper {

    static final String GIVER_VICTIM = "KORBAN";
    static final String BASIS_CONSENT = "PERSETUJUAN";

    private static final Set<String> YES_NO = new LinkedHashSet<>(List.of(KukarFields.YA, KukarFields.TIDAK));

    /** Kukar's consent, read and translated; it holds for every victim of the referral. */
    record Terms(boolean share, Coding giver, LocalDate date, Coding lawfulBasis) {

        boolean givenByVictim() {
            return GIVER_VICTIM.equals(giver.getCode());
        }
    }

    private ConsentMapper() {}

    static Terms read(JsonNode root, FieldReader in, Terminology terminology) {
        JsonNode consent = in.object(root, "", KukarFields.PERSETUJUAN, REQUIRED);
        if (consent == null) {
            return null;
        }
        String at = KukarFields.PERSETUJUAN;
        String share = in.oneOf(consent, at, KukarFields.BERBAGI_DATA, REQUIRED, YES_NO);
        Coding giver = in.code(consent, at, KukarFields.DIBERIKAN_OLEH, KukarFields.LIST_DIBERIKAN_OLEH, REQUIRED);
        LocalDate date = in.date(consent, at, KukarFields.TGL, REQUIRED);
        Coding basis = in.code(consent, at, KukarFields.DASAR_HUKUM, KukarFields.LIST_DASAR_HUKUM, OPTIONAL);
        if (basis == null) {
            // Without a stated legal basis Kukar's staff asked for consent: that is the basis.
            basis = Fhir.hubCoding(terminology, Canonical.CS_LAWFUL_BASIS, BASIS_CONSENT);
        }
        if (share == null || giver == null || date == null) {
            return null;
        }
        return new Terms(KukarFields.YA.equals(share), giver, date, basis);
    }

    /** The consent giver for one victim, or empty when the victim gave consent herself. */
    static Optional<RelatedPerson> toConsentGiver(Terms terms, Reference victim, Terminology terminology) {
        if (terms.givenByVictim()) {
            return Optional.empty();
        }
        RelatedPerson giver = new RelatedPerson();
        Fhir.profile(giver, Canonical.PROFILE_CONSENT_GIVER);
        giver.setPatient(victim);
        giver.addRelationship(new CodeableConcept(terms.giver().copy()));
        giver.addRelationship(new CodeableConcept(
                Fhir.hubCoding(terminology, Canonical.CS_PERSON_ROLE, Canonical.ROLE_CONSENT_GIVER)));
        return Optional.of(giver);
    }

    static Consent toConsent(Terms terms, Reference victim, Reference performer) {
        Consent consent = new Consent();
        Fhir.profile(consent, Canonical.PROFILE_CONSENT);
        consent.setStatus(terms.share() ? Consent.ConsentState.ACTIVE : Consent.ConsentState.REJECTED);
        consent.setScope(new CodeableConcept(new Coding(Fhir.CONSENT_SCOPE, Fhir.CONSENT_SCOPE_PRIVACY, "Privacy Consent")));
        consent.addCategory(new CodeableConcept(new Coding(Fhir.LOINC, Fhir.LOINC_PRIVACY_CONSENT, "Consent Document")));
        consent.setPatient(victim);
        consent.setDateTimeElement(new DateTimeType(terms.date().toString()));
        consent.addPerformer(performer);
        consent.setPolicyRule(new CodeableConcept(terms.lawfulBasis().copy()));
        consent.getProvision().setType(terms.share() ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
        return consent;
    }

    /** Kukar's {@code persetujuan}, from the first victim's Consent; empty when there is none. */
    static Optional<ObjectNode> write(Bundle bundle, List<Patient> victims, RenderContext out) {
        List<Consent> consents = Bundles.all(bundle, Consent.class);
        if (consents.isEmpty()) {
            return Optional.empty();
        }
        Consent consent = firstVictimsConsent(bundle, consents, victims);
        String at = KukarFields.PERSETUJUAN;
        ObjectNode json = KukarJson.object();
        Optional<Boolean> share = shares(consent);
        share.ifPresent(yes -> json.put(KukarFields.BERBAGI_DATA, yes ? KukarFields.YA : KukarFields.TIDAK));
        writeGiver(bundle, consent, out).ifPresent(giver -> json.put(KukarFields.DIBERIKAN_OLEH, giver));
        if (consent.hasDateTimeElement()) {
            TaskMapper.putIfPresent(json, KukarFields.TGL,
                    KukarFormats.date(out, consent.getDateTimeElement(), FieldReader.path(at, KukarFields.TGL), false));
        }
        Fhir.coding(consent.getPolicyRule(), Canonical.CS_LAWFUL_BASIS)
                // Consent is what Kukar assumes when dasar_hukum is absent, so only other bases are written.
                .filter(basis -> !BASIS_CONSENT.equals(basis.getCode()))
                .ifPresent(basis -> TaskMapper.putIfPresent(json, KukarFields.DASAR_HUKUM, out.code(
                        KukarFields.LIST_DASAR_HUKUM, basis, FieldReader.path(at, KukarFields.DASAR_HUKUM))));
        return json.isEmpty() ? Optional.empty() : Optional.of(json);
    }

    private static Consent firstVictimsConsent(Bundle bundle, List<Consent> consents, List<Patient> victims) {
        if (!victims.isEmpty()) {
            String firstVictim = Bundles.fullUrl(bundle, victims.get(0));
            for (Consent consent : consents) {
                if (firstVictim.equals(consent.getPatient().getReference())) {
                    return consent;
                }
            }
        }
        return consents.get(0);
    }

    private static Optional<Boolean> shares(Consent consent) {
        if (consent.hasProvision() && consent.getProvision().hasType()) {
            return Optional.of(consent.getProvision().getType() == Consent.ConsentProvisionType.PERMIT);
        }
        if (consent.getStatus() == Consent.ConsentState.ACTIVE) {
            return Optional.of(true);
        }
        if (consent.getStatus() == Consent.ConsentState.REJECTED) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static Optional<String> writeGiver(Bundle bundle, Consent consent, RenderContext out) {
        if (!consent.hasPerformer()) {
            return Optional.empty();
        }
        String field = FieldReader.path(KukarFields.PERSETUJUAN, KukarFields.DIBERIKAN_OLEH);
        Reference performer = consent.getPerformerFirstRep();
        if (Bundles.resolve(bundle, performer, Patient.class).isPresent()) {
            return Optional.ofNullable(out.code(
                    KukarFields.LIST_DIBERIKAN_OLEH, new Coding(Canonical.CS_CONSENT_GIVER, GIVER_VICTIM, null), field));
        }
        Optional<RelatedPerson> giver = Bundles.resolve(bundle, performer, RelatedPerson.class);
        if (giver.isEmpty()) {
            // The performer was removed for this receiver: who gave consent is not to be shown.
            return Optional.empty();
        }
        Optional<Coding> role = giver.get().getRelationship().stream()
                .map(r -> Fhir.coding(r, Canonical.CS_CONSENT_GIVER))
                .flatMap(Optional::stream)
                .findFirst();
        return Optional.ofNullable(out.code(KukarFields.LIST_DIBERIKAN_OLEH, role, Canonical.CS_CONSENT_GIVER, field));
    }
}
