package id.lintas.adapter.jakarta;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Task;

/**
 * A canonical referral to the {@code transaction} Bundle Jakarta's FHIR server takes: POSTs of the
 * Task, ServiceRequest, Conditions, Consent, RelatedPersons and Organizations, and a conditional
 * create of the Patient on its NIK. Codes go out in Jakarta's own code systems. Renders only what
 * the canonical Bundle holds: the hub has already removed what Jakarta may not see.
 */
final class ReferralWriter {

    private static final String RECEIVER = "Organization/receiver";

    private final FhirContext fhir;
    private final TaskWriter tasks;
    private final ServiceRequestWriter serviceRequests;
    private final PatientWriter patients = new PatientWriter();
    private final ConditionWriter conditions;
    private final RelatedPersonWriter relatedPersons;
    private final ConsentWriter consents = new ConsentWriter();
    private final OrganizationWriter organizations;

    ReferralWriter(FhirContext fhir, Codes codes, RegionTable regions) {
        this.fhir = fhir;
        this.tasks = new TaskWriter(codes);
        this.serviceRequests = new ServiceRequestWriter(codes);
        this.conditions = new ConditionWriter(codes, regions);
        this.relatedPersons = new RelatedPersonWriter(codes);
        this.organizations = new OrganizationWriter(regions);
    }

    OutboundDocument write(OutboundReferral referral, Participant receiver) throws TranslationException {
        Outbound out = new Outbound(referral, receiver);
        Transaction transaction = out.transaction();
        Bundle in = referral.bundle();
        String serviceRequestUrl = transaction.url("ServiceRequest");
        List<Coding> services = serviceRequests.services(out);
        Reference owner = out.ref(Bundles.task(in).getOwner());
        // Not routed in the canonical Bundle: the receiver, Jakarta itself, is the owner.
        boolean ownerToCreate = owner == null;
        Task task = tasks.write(out, services.isEmpty() ? null : serviceRequestUrl,
                ownerToCreate ? new Reference(transaction.url(RECEIVER)) : owner);
        String hubId = referral.hubReferralId();
        // A redelivery after a lost answer must not create the referral twice: the Task is keyed on the hub's id.
        transaction.post(transaction.url("Task"), task).getRequest()
                .setIfNoneExist("identifier=" + JakartaFhir.SID_REFERRAL + "|" + hubId);
        if (!services.isEmpty()) {
            transaction.post(serviceRequestUrl, serviceRequests.write(services, task));
        }
        for (Patient patient : Bundles.all(in, Patient.class)) {
            patients.write(out, patient);
        }
        conditions.write(out);
        for (RelatedPerson person : Bundles.all(in, RelatedPerson.class)) {
            relatedPersons.write(out, person);
        }
        for (Consent consent : Bundles.all(in, Consent.class)) {
            consents.write(out, consent);
        }
        for (Organization organization : Bundles.all(in, Organization.class)) {
            organizations.write(out, organization);
        }
        if (ownerToCreate) {
            organizations.writeReceiver(out, transaction.url(RECEIVER));
        }
        out.errors().throwIfAny();
        byte[] content = fhir.newJsonParser().encodeResourceToString(transaction.bundle()).getBytes(StandardCharsets.UTF_8);
        return new OutboundDocument(JakartaFhir.TARGET_TRANSACTION, JakartaFhir.MEDIA_TYPE, content);
    }
}
