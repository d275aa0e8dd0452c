package id.lintas.adapter.jakarta;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.AdministrativeCode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A canonical referral to the {@code transaction} Bundle Jakarta's FHIR server takes: POSTs of the
 * Task, ServiceRequest, Conditions, Consent, RelatedPersons and Organizations, and a conditional
 * create of the Patient on its NIK. Codes go out in Jakarta's own code systems. Renders only what
 * the canonical Bundle holds: the hub has already removed what Jakarta may not see.
 */
final class ReferralWriter {

    private static final String RECEIVER = "Organization/receiver";
    private static final String GIVER_PARENT = "ORANG_TUA";
    private static final String GIVER_GUARDIAN = "WALI";

    private final FhirContext fhir;
    private final Terminology terminology;
    private final RegionTable regions;

    ReferralWriter(FhirContext fhir, Terminology terminology, RegionTable regions) {
        this.fhir = fhir;
        this.terminology = terminology;
        this.regions = regions;
    }

    OutboundDocument write(OutboundReferral referral, Participant receiver) throws TranslationException {
        Bundle transaction = new Writing(referral, receiver).write();
        byte[] content = fhir.newJsonParser().encodeResourceToString(transaction).getBytes(StandardCharsets.UTF_8);
        return new OutboundDocument(JakartaFhir.TARGET_TRANSACTION, JakartaFhir.MEDIA_TYPE, content);
    }

    private final class Writing {
        private final OutboundReferral referral;
        private final Participant receiver;
        private final Bundle in;
        private final Task source;
        private final Errors errors = new Errors();
        private final Bundle out = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        /** canonical fullUrl -> rendered fullUrl. */
        private final Map<String, String> urls = new HashMap<>();
        private boolean ownerToCreate;

        Writing(OutboundReferral referral, Participant receiver) {
            this.referral = referral;
            this.receiver = receiver;
            this.in = referral.bundle();
            this.source = Bundles.task(in);
        }

        /** A stable urn:uuid per hub referral and canonical entry, so a repeated delivery names the same resources. */
        private String url(String key) {
            return "urn:uuid:" + UUID.nameUUIDFromBytes(
                    ("lintas-referral:" + referral.hubReferralId() + ":" + key).getBytes(StandardCharsets.UTF_8));
        }

        private Reference ref(Reference canonical) {
            if (canonical == null || !canonical.hasReference()) {
                return null;
            }
            String url = urls.get(canonical.getReference());
            return url == null ? null : new Reference(url);
        }

        private void post(String url, Resource resource) {
            Bundle.BundleEntryComponent entry = out.addEntry().setFullUrl(url).setResource(resource);
            entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
        }

        Bundle write() throws TranslationException {
            // Every rendered entry gets its urn:uuid first, so references can be set in any order.
            for (Bundle.BundleEntryComponent entry : in.getEntry()) {
                if (entry.hasFullUrl()) {
                    urls.put(entry.getFullUrl(), url(entry.getFullUrl()));
                }
            }
            String serviceRequestUrl = url("ServiceRequest");
            List<Coding> services = services();
            Task task = task(services.isEmpty() ? null : serviceRequestUrl);
            post(url("Task"), task);
            // A redelivery after a lost answer must not create the referral twice: the Task is keyed on the hub's id.
            task.getIdentifier().stream()
                    .filter(i -> JakartaFhir.SID_REFERRAL.equals(i.getSystem()))
                    .findFirst()
                    .ifPresent(id -> out.getEntry().get(out.getEntry().size() - 1).getRequest()
                            .setIfNoneExist("identifier=" + JakartaFhir.SID_REFERRAL + "|" + id.getValue()));
            if (!services.isEmpty()) {
                post(serviceRequestUrl, serviceRequest(services, task));
            }
            for (Patient patient : Bundles.all(in, Patient.class)) {
                patient(patient);
            }
            conditions();
            for (RelatedPerson person : Bundles.all(in, RelatedPerson.class)) {
                relatedPerson(person);
            }
            for (Consent consent : Bundles.all(in, Consent.class)) {
                post(urls.get(Bundles.fullUrl(in, consent)), consent(consent));
            }
            for (Organization organization : Bundles.all(in, Organization.class)) {
                post(urls.get(Bundles.fullUrl(in, organization)), organization(organization));
            }
            if (ownerToCreate) {
                post(url(RECEIVER), receiverOrganization());
            }
            errors.throwIfAny();
            return out;
        }

        private Task task(String serviceRequestUrl) {
            Task task = new Task();
            task.addIdentifier(new Identifier().setSystem(JakartaFhir.SID_REFERRAL).setValue(referral.hubReferralId()));
            for (Identifier id : source.getIdentifier()) {
                if (JakartaFhir.SID_KASUS.equals(id.getSystem())) {
                    task.addIdentifier(id.copy());
                } else if (id.hasSystem() && id.getSystem().startsWith(Canonical.SID_SOURCE_CASE_PREFIX)
                        && !id.getSystem().equals(Canonical.sourceCaseSystem(receiver.id()))) {
                    // The sender's case number, so Jakarta's staff can quote it to the sender.
                    task.addIdentifier(id.copy());
                }
            }
            task.setStatus(Task.TaskStatus.REQUESTED);
            task.setIntent(Task.TaskIntent.ORDER);
            Fhir.coding(source.getCode(), Canonical.CS_REFERRAL_KIND).ifPresent(kind -> {
                String code = fromHub(JakartaFhir.LIST_JENIS_RUJUKAN, kind, "Task.code");
                if (code != null) {
                    task.setCode(new CodeableConcept(new Coding(JakartaFhir.CS_JENIS_RUJUKAN, code, null)));
                }
            });
            Optional<Coding> urgency = Fhir.extensionValue(source, Canonical.EXT_URGENCY, Coding.class);
            if (urgency.isPresent()) {
                String code = fromHub(JakartaFhir.LIST_PRIORITAS, urgency.get(), "Task.priority");
                if (code != null) {
                    task.setPriority(Task.TaskPriority.fromCode(code));
                }
            } else if (source.hasPriority()) {
                task.setPriority(source.getPriority());
            }
            if (serviceRequestUrl != null) {
                task.setFocus(new Reference(serviceRequestUrl));
            }
            Reference victim = ref(source.getFor());
            if (victim != null) {
                task.setFor(victim);
            }
            if (source.hasAuthoredOnElement()) {
                task.setAuthoredOnElement(source.getAuthoredOnElement().copy());
            }
            Reference requester = ref(source.getRequester());
            if (requester != null) {
                task.setRequester(requester);
            }
            Reference owner = ref(source.getOwner());
            if (owner == null) {
                // Not routed in the canonical Bundle: the receiver, Jakarta itself, is the owner.
                ownerToCreate = true;
                owner = new Reference(url(RECEIVER));
            }
            task.setOwner(owner);
            if (source.hasReasonCode() && source.getReasonCode().hasText()) {
                task.setReasonCode(new CodeableConcept().setText(source.getReasonCode().getText()));
            }
            return task;
        }

        /** The services of every ServiceRequest, each once, in Jakarta's codes. */
        private List<Coding> services() {
            Map<String, Coding> services = new LinkedHashMap<>();
            List<ServiceRequest> requests = Bundles.all(in, ServiceRequest.class);
            for (int i = 0; i < requests.size(); i++) {
                Optional<Coding> service = Fhir.coding(requests.get(i).getCode(), Canonical.CS_SERVICE);
                if (service.isEmpty()) {
                    errors.add("ServiceRequest.code", "a requested service has no code from " + Canonical.CS_SERVICE);
                    continue;
                }
                String code = fromHub(JakartaFhir.LIST_LAYANAN, service.get(), "ServiceRequest.code.coding[" + i + "]");
                if (code != null) {
                    services.putIfAbsent(code, new Coding(JakartaFhir.CS_LAYANAN, code, null));
                }
            }
            return new ArrayList<>(services.values());
        }

        /** Jakarta's shape: one ServiceRequest with one coding per requested service. */
        private ServiceRequest serviceRequest(List<Coding> services, Task task) {
            ServiceRequest request = new ServiceRequest();
            request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
            request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
            CodeableConcept code = new CodeableConcept();
            services.forEach(code::addCoding);
            request.setCode(code);
            if (task.hasFor()) {
                request.setSubject(task.getFor().copy());
            }
            if (task.hasRequester()) {
                request.setRequester(task.getRequester().copy());
            }
            if (task.hasAuthoredOnElement()) {
                request.setAuthoredOnElement(task.getAuthoredOnElement().copy());
            }
            return request;
        }

        private void patient(Patient source) {
            Patient patient = new Patient();
            source.getMeta().getSecurity().forEach(s -> patient.getMeta().addSecurity(s.copy()));
            Fhir.extensionValue(source, Canonical.EXT_CITIZENSHIP, CodeType.class)
                    .ifPresent(code -> patient.addExtension(Canonical.EXT_CITIZENSHIP, code.copy()));
            Optional<String> nik = source.getIdentifier().stream()
                    .filter(id -> Canonical.SID_NIK.equals(id.getSystem()) && id.hasValue())
                    .map(Identifier::getValue)
                    .findFirst();
            nik.ifPresent(value -> patient.addIdentifier(new Identifier()
                    .setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(Canonical.SID_NIK).setValue(value)));
            source.getName().stream().filter(HumanName::hasText).findFirst()
                    .ifPresent(name -> patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(name.getText()));
            source.getTelecom().stream()
                    .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
                    .forEach(t -> patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
                            .setValue(t.getValue()).setUse(ContactPoint.ContactPointUse.MOBILE));
            if (source.hasGender()) {
                patient.setGender(source.getGender());
            }
            if (source.hasBirthDateElement()) {
                patient.setBirthDateElement(source.getBirthDateElement().copy());
            }
            for (Address address : source.getAddress()) {
                Address rendered = new Address();
                if (address.hasUse()) {
                    rendered.setUse(address.getUse());
                }
                address.getLine().forEach(line -> rendered.addLine(line.getValue()));
                Extension code = address.getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE);
                if (code != null) {
                    rendered.setCountry("ID");
                    rendered.addExtension(code.copy());
                }
                if (rendered.hasLine() || rendered.hasExtension()) {
                    patient.addAddress(rendered);
                }
            }
            String url = urls.get(Bundles.fullUrl(in, source));
            Bundle.BundleEntryComponent entry = out.addEntry().setFullUrl(url).setResource(patient);
            entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
            // Jakarta may know the victim already: create her only if no Patient has this NIK.
            nik.ifPresent(value -> entry.getRequest().setIfNoneExist("identifier=" + Canonical.SID_NIK + "|" + value));
        }

        /** Jakarta's shape: one Condition per victim, one coding per form, the chronology as its note. */
        private void conditions() {
            Map<String, List<Condition>> byVictim = new LinkedHashMap<>();
            for (Condition condition : Bundles.all(in, Condition.class)) {
                byVictim.computeIfAbsent(condition.getSubject().getReference(), k -> new ArrayList<>()).add(condition);
            }
            String chronology = source.getNote().stream()
                    .filter(n -> n.hasText() && !n.getText().isBlank())
                    .map(n -> n.getText())
                    .findFirst()
                    .orElse(null);
            int index = 0;
            for (Map.Entry<String, List<Condition>> victim : byVictim.entrySet()) {
                Condition condition = new Condition();
                Condition first = victim.getValue().get(0);
                first.getExtension().stream()
                        .filter(e -> Canonical.EXT_INCIDENT_REGION.equals(e.getUrl()) && e.getValue() instanceof Coding)
                        .map(e -> (Coding) e.getValue())
                        .findFirst()
                        .ifPresent(region -> {
                            String compact = compact(region.getCode(), Fhir.extensionPath("Condition", JakartaFhir.EXT_LOKASI_KEJADIAN));
                            if (compact != null) {
                                condition.addExtension(JakartaFhir.EXT_LOKASI_KEJADIAN, new CodeType(compact));
                            }
                        });
                if (first.hasClinicalStatus()) {
                    condition.setClinicalStatus(first.getClinicalStatus().copy());
                }
                if (first.hasVerificationStatus()) {
                    condition.setVerificationStatus(first.getVerificationStatus().copy());
                }
                CodeableConcept code = new CodeableConcept();
                Set<String> written = new LinkedHashSet<>();
                for (int i = 0; i < victim.getValue().size(); i++) {
                    Optional<Coding> form = Fhir.coding(victim.getValue().get(i).getCode(), Canonical.CS_VIOLENCE_FORM);
                    if (form.isEmpty()) {
                        errors.add("Condition.code", "a form of violence has no code from " + Canonical.CS_VIOLENCE_FORM);
                        continue;
                    }
                    String jakarta = fromHub(JakartaFhir.LIST_JENIS_KEKERASAN, form.get(), "Condition.code.coding[" + i + "]");
                    if (jakarta != null && written.add(jakarta)) {
                        code.addCoding(new Coding(JakartaFhir.CS_JENIS_KEKERASAN, jakarta, null));
                    }
                }
                condition.setCode(code);
                Reference subject = ref(new Reference(victim.getKey()));
                if (subject != null) {
                    condition.setSubject(subject);
                }
                if (first.hasOnsetDateTimeType()) {
                    condition.setOnset(first.getOnsetDateTimeType().copy());
                }
                if (chronology != null && index == 0) {
                    condition.addNote().setText(chronology);
                }
                post(url("Condition/" + index++), condition);
            }
        }

        private void relatedPerson(RelatedPerson source) {
            boolean perpetrator = hasRole(source, Canonical.ROLE_PERPETRATOR);
            boolean giver = hasRole(source, Canonical.ROLE_CONSENT_GIVER);
            if (!perpetrator && !giver) {
                return;
            }
            RelatedPerson person = new RelatedPerson();
            Reference patient = ref(source.getPatient());
            if (patient != null) {
                person.setPatient(patient);
            }
            if (perpetrator) {
                person.addExtension(JakartaFhir.EXT_PERAN, new CodeType(JakartaFhir.PERAN_TERLAPOR));
                Optional<Coding> relationship = source.getRelationship().stream()
                        .flatMap(r -> Fhir.coding(r, Canonical.CS_RELATIONSHIP).stream())
                        .findFirst();
                if (relationship.isPresent()) {
                    String code = fromHub(JakartaFhir.LIST_HUBUNGAN, relationship.get(), "RelatedPerson.relationship");
                    if (code != null) {
                        person.addRelationship(new CodeableConcept(new Coding(JakartaFhir.CS_HUBUNGAN, code, null)));
                    }
                }
                source.getName().stream().filter(HumanName::hasText).findFirst()
                        .ifPresent(name -> person.addName().setText(name.getText()));
                if (source.hasGender()) {
                    person.setGender(source.getGender());
                }
            } else {
                // A consent giver: a parent or a guardian, in HL7's role codes (Jakarta has no list for it).
                Optional<Coding> kind = source.getRelationship().stream()
                        .flatMap(r -> Fhir.coding(r, Canonical.CS_CONSENT_GIVER).stream())
                        .findFirst();
                if (kind.isPresent() && (GIVER_PARENT.equals(kind.get().getCode()) || GIVER_GUARDIAN.equals(kind.get().getCode()))) {
                    boolean parent = GIVER_PARENT.equals(kind.get().getCode());
                    person.addRelationship(new CodeableConcept(new Coding(JakartaFhir.V3_ROLE_CODE,
                            parent ? JakartaFhir.ROLE_PARENT : JakartaFhir.ROLE_GUARDIAN, parent ? "parent" : "guardian")));
                } else {
                    kind.ifPresent(k -> person.addRelationship(new CodeableConcept().setText(k.getDisplay())));
                }
            }
            post(urls.get(Bundles.fullUrl(in, source)), person);
        }

        private Consent consent(Consent source) {
            Consent consent = new Consent();
            consent.setStatus(source.getStatus());
            consent.setScope(new CodeableConcept(
                    new Coding(JakartaFhir.CONSENT_SCOPE, JakartaFhir.CONSENT_SCOPE_PRIVACY, null)));
            consent.addCategory(new CodeableConcept(new Coding(JakartaFhir.LOINC, JakartaFhir.LOINC_PRIVACY_CONSENT, null)));
            Reference patient = ref(source.getPatient());
            if (patient != null) {
                consent.setPatient(patient);
            }
            if (source.hasDateTimeElement()) {
                consent.setDateTimeElement(source.getDateTimeElement().copy());
            }
            for (Reference performer : source.getPerformer()) {
                Reference rendered = ref(performer);
                if (rendered != null) {
                    consent.addPerformer(rendered);
                }
            }
            // FHIR requires a policy or a policy rule (ppc-1): the hub's lawful basis is kept as the rule.
            if (source.hasPolicyRule()) {
                consent.setPolicyRule(source.getPolicyRule().copy());
            }
            if (source.hasProvision() && source.getProvision().hasType()) {
                consent.getProvision().setType(source.getProvision().getType());
            }
            return consent;
        }

        private Organization organization(Organization source) {
            Organization organization = new Organization();
            String participant = source.getIdentifier().stream()
                    .filter(id -> Canonical.SID_PARTICIPANT.equals(id.getSystem()) && id.hasValue())
                    .map(Identifier::getValue)
                    .findFirst()
                    .orElse(null);
            Optional<String> region = source.getAddress().stream()
                    .map(AdministrativeCode::mostPrecise)
                    .flatMap(Optional::stream)
                    .findFirst();
            if (region.isEmpty() && participant != null) {
                if (participant.equals(receiver.id())) {
                    region = Optional.ofNullable(compact(receiver.regionKemendagri(), "Organization.identifier"));
                } else if (participant.equals(referral.sender().id())) {
                    region = Optional.ofNullable(compact(referral.sender().regionKemendagri(), "Organization.identifier"));
                }
            }
            region.ifPresent(code -> organization.addIdentifier(
                    new Identifier().setSystem(JakartaFhir.SID_KODE_WILAYAH).setValue(code)));
            if (participant != null) {
                organization.addIdentifier(new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(participant));
            }
            if (source.hasName()) {
                organization.setName(source.getName());
            }
            return organization;
        }

        private Organization receiverOrganization() {
            Organization organization = new Organization();
            String region = compact(receiver.regionKemendagri(), "Task.owner");
            if (region != null) {
                organization.addIdentifier(new Identifier().setSystem(JakartaFhir.SID_KODE_WILAYAH).setValue(region));
            }
            organization.addIdentifier(new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(receiver.id()));
            if (receiver.organisationName() != null) {
                organization.setName(receiver.organisationName());
            }
            return organization;
        }

        private boolean hasRole(RelatedPerson person, String role) {
            return person.getRelationship().stream()
                    .flatMap(r -> Fhir.coding(r, Canonical.CS_PERSON_ROLE).stream())
                    .anyMatch(c -> role.equals(c.getCode()));
        }

        /** A dotted Kemendagri code without dots, checked against the region table. */
        private String compact(String dotted, String field) {
            Optional<Region> region = regions.byKemendagri(dotted);
            if (region.isEmpty()) {
                errors.add(field, "unknown Kemendagri region '" + dotted + "'");
                return null;
            }
            return region.get().kemendagriCompact();
        }

        private String fromHub(String list, Coding hub, String field) {
            return errors.collect(() -> terminology.fromHub(JakartaFhir.REGION, list, hub, field));
        }
    }
}
