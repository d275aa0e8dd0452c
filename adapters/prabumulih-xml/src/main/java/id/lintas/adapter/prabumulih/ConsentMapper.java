package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.w3c.dom.Element;

/**
 * {@code <persetujuan>}: one canonical {@code Consent} (profile lintas-consent) per victim, and a
 * consent-giver {@code RelatedPerson} per victim when someone else gave it.
 */
final class ConsentMapper {

    static final String GIVER_VICTIM = "KORBAN";
    static final String BASIS_CONSENT = "PERSETUJUAN";

    private static final String AT = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.PERSETUJUAN);

    /** Prabumulih's consent, read and translated; it holds for every victim of the case. */
    record Terms(boolean share, Coding giver, LocalDate date, Coding lawfulBasis) {

        boolean givenByVictim() {
            return GIVER_VICTIM.equals(giver.getCode());
        }
    }

    private ConsentMapper() {}

    /**
     * Prabumulih records the answer to a request for consent and has no field for another lawful
     * basis, so the basis of an inbound case is always consent.
     */
    static Terms read(Element root, FieldReader in, Terminology terminology) {
        Element consent = in.element(root, TaskMapper.ROOT, PrabumulihFields.PERSETUJUAN, REQUIRED);
        if (consent == null) {
            return null;
        }
        Boolean share = in.bool(in.attribute(consent, AT, PrabumulihFields.DIBERIKAN, REQUIRED),
                FieldReader.attributePath(AT, PrabumulihFields.DIBERIKAN));
        Coding giver = in.code(in.attribute(consent, AT, PrabumulihFields.OLEH, REQUIRED),
                FieldReader.attributePath(AT, PrabumulihFields.OLEH), PrabumulihFields.LIST_PERSETUJUAN_OLEH);
        LocalDate date = in.date(in.attribute(consent, AT, PrabumulihFields.TANGGAL, REQUIRED),
                FieldReader.attributePath(AT, PrabumulihFields.TANGGAL));
        if (share == null || giver == null || date == null) {
            return null;
        }
        return new Terms(share, giver, date, Fhir.hubCoding(terminology, Canonical.CS_LAWFUL_BASIS, BASIS_CONSENT));
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

    /**
     * Prabumulih's {@code persetujuan}, from the first victim's Consent; nothing when there is none.
     * Prabumulih has no field for the lawful basis: a consent under a legal obligation is written as
     * the permit or refusal it records, and the basis stays with the hub.
     */
    static void write(Bundle bundle, List<Patient> victims, RenderContext out, Element kasus) {
        List<Consent> consents = Bundles.all(bundle, Consent.class);
        if (consents.isEmpty()) {
            return;
        }
        Consent consent = firstVictimsConsent(bundle, consents, victims);
        Element element = XmlDocuments.add(kasus, PrabumulihFields.PERSETUJUAN);
        shares(consent).ifPresent(yes -> XmlDocuments.attribute(element, PrabumulihFields.DIBERIKAN, String.valueOf(yes)));
        writeGiver(bundle, consent, out).ifPresent(giver -> XmlDocuments.attribute(element, PrabumulihFields.OLEH, giver));
        if (consent.hasDateTimeElement()) {
            XmlDocuments.attribute(element, PrabumulihFields.TANGGAL, PrabumulihFormats.date(out, consent.getDateTimeElement(),
                    FieldReader.attributePath(AT, PrabumulihFields.TANGGAL)));
        }
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
        String field = FieldReader.attributePath(AT, PrabumulihFields.OLEH);
        Reference performer = consent.getPerformerFirstRep();
        if (Bundles.resolve(bundle, performer, Patient.class).isPresent()) {
            return Optional.ofNullable(out.code(PrabumulihFields.LIST_PERSETUJUAN_OLEH,
                    new Coding(Canonical.CS_CONSENT_GIVER, GIVER_VICTIM, null), field));
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
        return Optional.ofNullable(
                out.code(PrabumulihFields.LIST_PERSETUJUAN_OLEH, role, Canonical.CS_CONSENT_GIVER, field));
    }
}
