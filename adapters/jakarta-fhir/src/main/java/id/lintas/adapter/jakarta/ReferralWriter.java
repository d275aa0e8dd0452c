package id.lintas.adapter.jakarta;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.CompactJson;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * A referral, as the typed model the hub hands over, to the {@code transaction}
 * Bundle Jakarta's FHIR server takes: POSTs of the Task, ServiceRequest, Conditions, RelatedPersons,
 * Consents and Organizations, and a conditional create of the Patient on its NIK. Codes go out in
 * Jakarta's own code systems. Renders only what the referral holds: the hub has already removed what
 * Jakarta may not see.
 */
final class ReferralWriter {

    private static final String RECEIVER = "Organization/receiver";

    private final CompactJson json;
    private final TaskWriter tasks;
    private final ServiceRequestWriter serviceRequests;
    private final PatientWriter patients = new PatientWriter();
    private final ConditionWriter conditions;
    private final RelatedPersonWriter relatedPersons;
    private final ConsentWriter consents;
    private final OrganizationWriter organizations;

    ReferralWriter(FhirContext fhir, Codes codes, RegionTable regions) {
        this.json = new CompactJson(fhir);
        this.tasks = new TaskWriter(codes);
        this.serviceRequests = new ServiceRequestWriter(codes);
        this.conditions = new ConditionWriter(codes, regions);
        this.relatedPersons = new RelatedPersonWriter(codes);
        this.consents = new ConsentWriter(codes);
        this.organizations = new OrganizationWriter(regions);
    }

    OutboundDocument write(OutboundReferral outbound, Participant receiver) throws TranslationException {
        Referral referral = outbound.referral();
        Outbound out = new Outbound(referral, outbound, receiver);
        Transaction transaction = out.transaction();
        String serviceRequestUrl = transaction.url("ServiceRequest");
        List<Coding> services = serviceRequests.services(out);

        Party sender = referral.sender();
        Party destination = referral.destination();
        boolean sameParty =
                sender != null && destination != null && sender.participantId().equals(destination.participantId());
        String senderUrl = transaction.url("Organization/sender");
        // Not routed in the canonical Bundle: the receiver, Jakarta itself, is the owner.
        String ownerUrl = destination == null
                ? transaction.url(RECEIVER)
                : sameParty ? senderUrl : transaction.url("Organization/destination");
        Task task = tasks.write(
                out,
                services.isEmpty() ? null : serviceRequestUrl,
                sender == null ? null : new Reference(senderUrl),
                new Reference(ownerUrl));
        // A redelivery after a lost answer must not create the referral twice: the Task is keyed on the hub's id.
        transaction
                .post(transaction.url("Task"), task)
                .getRequest()
                .setIfNoneExist("identifier=" + JakartaFhir.SID_REFERRAL + "|" + outbound.hubReferralId());
        if (!services.isEmpty()) {
            transaction.post(serviceRequestUrl, serviceRequests.write(services, task));
        }
        for (int i = 0; i < referral.victims().size(); i++) {
            patients.write(out, referral.victims().get(i), i);
        }
        conditions.write(out);
        for (int i = 0; i < referral.perpetrators().size(); i++) {
            relatedPersons.write(out, referral.perpetrators().get(i), i);
        }
        List<String> performers = new ArrayList<>();
        for (int i = 0; i < referral.victims().size(); i++) {
            Consent consent = referral.victims().get(i).consent();
            performers.add(
                    consent == null || consent.byVictim()
                            ? out.victimUrl(i)
                            : relatedPersons.writeGiver(out, consent, i));
        }
        for (int i = 0; i < referral.victims().size(); i++) {
            Consent consent = referral.victims().get(i).consent();
            if (consent != null) {
                consents.write(out, consent, i, performers.get(i));
            }
        }
        if (sender != null) {
            organizations.write(out, sender, senderUrl);
        }
        if (destination != null && !sameParty) {
            organizations.write(out, destination, ownerUrl);
        }
        if (destination == null) {
            organizations.writeReceiver(out, ownerUrl);
        }
        out.errors().throwIfAny();
        // HAPI's JSON, written in one pass (CompactJson); HAPI's parser where that stops.
        byte[] content = json.encode(transaction.bundle()).getBytes(StandardCharsets.UTF_8);
        return new OutboundDocument(JakartaFhir.TARGET_TRANSACTION, JakartaFhir.MEDIA_TYPE, content);
    }
}
