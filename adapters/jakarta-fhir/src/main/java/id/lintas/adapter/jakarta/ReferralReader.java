package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * A Jakarta {@code rujukan-baru} message to the canonical Bundle. Every element is read and
 * translated with all errors collected; the Bundle is built only from a message that has none.
 */
final class ReferralReader {

    private static final Pattern NIK = Pattern.compile("\\d{16}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern LOCAL_PHONE = Pattern.compile("0\\d{8,13}");
    private static final Set<String> CITIZENSHIP = Set.of("I", "A");
    /** Relationships that make a case domestic violence (UU 23/2004 PKDRT): the victim's record is labelled SDV. */
    private static final Set<String> HOUSEHOLD = Set.of("ORANG_TUA", "KELUARGA", "PASANGAN");
    private static final String FORM_SEXUAL = "SEKSUAL";
    private static final String GIVER_PARENT = "ORANG_TUA";
    private static final String GIVER_GUARDIAN = "WALI";
    private static final String BASIS_CONSENT = "PERSETUJUAN";

    private final Terminology terminology;
    private final RegionTable regions;

    ReferralReader(Terminology terminology, RegionTable regions) {
        this.terminology = terminology;
        this.regions = regions;
    }

    CanonicalReferral read(MessageParser.Message message, Participant sender) throws TranslationException {
        return new Reading(message.bundle(), message.task(), sender).read();
    }

    /** One message being read: the source, the errors found so far, and the canonical resources. */
    private final class Reading {
        private final Bundle in;
        private final Task source;
        private final Participant sender;
        private final Errors errors = new Errors();

        private final Bundle out = new Bundle().setType(Bundle.BundleType.COLLECTION);
        /** Jakarta Patient -> canonical victim reference. */
        private final Map<Patient, Reference> victims = new IdentityHashMap<>();
        private final List<Reference> victimOrder = new ArrayList<>();
        private final List<Patient> canonicalVictims = new ArrayList<>();
        private final Set<String> forms = new LinkedHashSet<>();
        private final Set<String> relationships = new LinkedHashSet<>();

        Reading(Bundle in, Task source, Participant sender) {
            this.in = in;
            this.source = source;
            this.sender = sender;
        }

        CanonicalReferral read() throws TranslationException {
            Optional<Region> senderRegion = regions.byKemendagri(sender.regionKemendagri());
            Task task = task(senderRegion);
            Reference taskRef = Bundles.add(out, task);

            List<Coding> services = services();
            List<Patient> jakartaVictims = jakartaVictims();
            for (Patient patient : jakartaVictims) {
                Patient victim = victim(patient);
                canonicalVictims.add(victim);
            }
            // Entries in the order a reader expects; references are set once every entry has its urn:uuid.
            List<ServiceRequest> requests = new ArrayList<>();
            for (Coding service : services) {
                ServiceRequest request = new ServiceRequest();
                Fhir.profile(request, Canonical.PROFILE_SERVICE_REQUEST);
                request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
                request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
                request.setCode(new CodeableConcept(service));
                requests.add(request);
                task.addBasedOn(Bundles.add(out, request));
            }
            for (int i = 0; i < jakartaVictims.size(); i++) {
                Reference ref = Bundles.add(out, canonicalVictims.get(i));
                victims.put(jakartaVictims.get(i), ref);
                victimOrder.add(ref);
            }
            List<String> chronology = conditions();
            perpetrators();
            consents();
            Reference requester = Bundles.add(out, senderOrganization(senderRegion));
            destination(task);
            errors.throwIfAny();

            if (victimOrder.isEmpty()) {
                throw new TranslationException("Task.for", "required: the victim (a Patient in the Bundle)");
            }
            boolean sensitive = forms.contains(FORM_SEXUAL) || relationships.stream().anyMatch(HOUSEHOLD::contains);
            if (sensitive) {
                canonicalVictims.forEach(p -> p.getMeta().addSecurity(
                        new Coding(Canonical.V3_ACT_CODE, Canonical.SENSITIVITY_SDV, Fhir.SDV_DISPLAY)));
            }
            requests.forEach(r -> r.setSubject(victimOrder.get(0)).setRequester(requester));
            task.setRequester(requester);
            task.setFor(victimOrder.get(0));
            for (Reference victim : victimOrder) {
                task.addInput()
                        .setType(new CodeableConcept(
                                Fhir.hubCoding(terminology, Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_VICTIM)))
                        .setValue(victim);
            }
            if (!chronology.isEmpty()) {
                task.addNote().setText(String.join("\n\n", chronology));
            }
            String caseNumber = task.getIdentifierFirstRep().getValue();
            int revision = Fhir.extensionValue(task, Canonical.EXT_REVISION, PositiveIntType.class)
                    .map(PositiveIntType::getValue).orElse(1);
            return new CanonicalReferral(caseNumber, revision, out);
        }

        private Task task(Optional<Region> senderRegion) {
            Task task = new Task();
            Fhir.profile(task, Canonical.PROFILE_REFERRAL);
            Optional<String> caseNumber = source.getIdentifier().stream()
                    .filter(id -> JakartaFhir.SID_KASUS.equals(id.getSystem()) && id.hasValue() && !id.getValue().isBlank())
                    .map(Identifier::getValue)
                    .findFirst();
            if (caseNumber.isPresent()) {
                task.addIdentifier(new Identifier()
                        .setSystem(Canonical.sourceCaseSystem(sender.id())).setValue(caseNumber.get().trim()));
                // Jakarta's own identifier, so a case sent back to Jakarta names the case it came from.
                task.addIdentifier(new Identifier().setSystem(JakartaFhir.SID_KASUS).setValue(caseNumber.get().trim()));
            } else {
                errors.add("Task.identifier", "required: Jakarta's case number with system " + JakartaFhir.SID_KASUS);
            }
            task.addExtension(Canonical.EXT_REVISION, new PositiveIntType(revision(source)));
            if (source.getStatus() != Task.TaskStatus.REQUESTED) {
                errors.add("Task.status", "a new referral has status 'requested'");
            }
            task.setStatus(Task.TaskStatus.REQUESTED);
            task.setIntent(Task.TaskIntent.ORDER);

            List<Coding> kinds = Fhir.codings(source.getCode(), JakartaFhir.CS_JENIS_RUJUKAN);
            if (kinds.isEmpty()) {
                errors.add("Task.code", "required: a coding from " + JakartaFhir.CS_JENIS_RUJUKAN);
            } else {
                Coding kind = toHub(JakartaFhir.LIST_JENIS_RUJUKAN, kinds.get(0).getCode(), "Task.code");
                if (kind != null) {
                    task.setCode(new CodeableConcept(kind));
                }
            }
            if (!source.hasPriority()) {
                errors.add("Task.priority", "required: routine, urgent, asap or stat");
            } else {
                Coding urgency = toHub(JakartaFhir.LIST_PRIORITAS, source.getPriority().toCode(), "Task.priority");
                if (urgency != null) {
                    task.setPriority(Fhir.PRIORITY.get(urgency.getCode()));
                    task.addExtension(Canonical.EXT_URGENCY, urgency);
                }
            }
            authoredOn(task);
            task.addExtension(Canonical.EXT_REPORTING_REGION, senderRegion
                    .map(Fhir::regionCoding)
                    .orElseGet(() -> new Coding(Canonical.CS_REGION, sender.regionKemendagri(), null)));
            if (source.hasReasonCode() && source.getReasonCode().hasText()) {
                task.setReasonCode(new CodeableConcept().setText(source.getReasonCode().getText()));
            }
            return task;
        }

        private int revision(Task task) {
            String version = task.getMeta().getVersionId();
            if (version != null && version.matches("[1-9]\\d{0,8}")) {
                return Integer.parseInt(version);
            }
            return 1;
        }

        private void authoredOn(Task task) {
            if (!source.hasAuthoredOnElement() || source.getAuthoredOnElement().getValueAsString() == null) {
                errors.add("Task.authoredOn", "required: when the case was reported, with an offset");
                return;
            }
            DateTimeType authored = source.getAuthoredOnElement();
            if (Fhir.hasOffset(authored)) {
                // Kept exactly as Jakarta wrote it: the instant and its offset.
                task.setAuthoredOnElement(authored.copy());
                return;
            }
            String text = authored.getValueAsString();
            if (text.contains("T")) {
                try {
                    task.setAuthoredOnElement(Fhir.instant(LocalDateTime.parse(text).atZone(sender.zone())));
                } catch (DateTimeParseException e) {
                    errors.add("Task.authoredOn", "expected a date and time with an offset");
                }
            } else {
                task.setAuthoredOnElement(authored.copy());
            }
        }

        /** The requested services: the focus ServiceRequest first, then any other in the Bundle, each code once. */
        private List<Coding> services() {
            List<ServiceRequest> requests = new ArrayList<>();
            References.resolve(in, source.getFocus(), ServiceRequest.class).ifPresent(requests::add);
            Bundles.all(in, ServiceRequest.class).stream().filter(r -> !requests.contains(r)).forEach(requests::add);
            if (requests.isEmpty()) {
                errors.add("Task.focus", "required: the ServiceRequest with the requested services");
                return List.of();
            }
            Map<String, Coding> services = new LinkedHashMap<>();
            for (ServiceRequest request : requests) {
                List<Coding> codings = Fhir.codings(request.getCode(), JakartaFhir.CS_LAYANAN);
                if (codings.isEmpty()) {
                    errors.add("ServiceRequest.code", "required: one coding from " + JakartaFhir.CS_LAYANAN
                            + " per requested service");
                }
                for (int i = 0; i < request.getCode().getCoding().size(); i++) {
                    Coding coding = request.getCode().getCoding().get(i);
                    if (!JakartaFhir.CS_LAYANAN.equals(coding.getSystem())) {
                        continue;
                    }
                    Coding service = toHub(JakartaFhir.LIST_LAYANAN, coding.getCode(), "ServiceRequest.code.coding[" + i + "]");
                    if (service != null) {
                        services.putIfAbsent(service.getCode(), service);
                    }
                }
            }
            return new ArrayList<>(services.values());
        }

        /** The victims: Task.for first, then every other Patient of the message. */
        private List<Patient> jakartaVictims() {
            List<Patient> patients = new ArrayList<>();
            Optional<Patient> first = References.resolve(in, source.getFor(), Patient.class);
            if (first.isEmpty()) {
                errors.add("Task.for", "required: the victim (a Patient in the Bundle)");
            }
            first.ifPresent(patients::add);
            Bundles.all(in, Patient.class).stream().filter(p -> !patients.contains(p)).forEach(patients::add);
            return patients;
        }

        private Patient victim(Patient source) {
            Patient patient = new Patient();
            Fhir.profile(patient, Canonical.PROFILE_VICTIM);
            for (Identifier id : source.getIdentifier()) {
                if (Canonical.SID_NIK.equals(id.getSystem()) && id.hasValue()) {
                    if (NIK.matcher(id.getValue().trim()).matches()) {
                        patient.addIdentifier(new Identifier().setSystem(Canonical.SID_NIK).setValue(id.getValue().trim()));
                    } else {
                        errors.add("Patient.identifier", "a NIK has 16 digits");
                    }
                }
            }
            String name = source.getName().stream().map(ReferralReader::nameText).filter(n -> !n.isBlank()).findFirst().orElse(null);
            if (name == null) {
                errors.add("Patient.name", "required: the victim's name");
            } else {
                patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(name);
            }
            if (!source.hasGender()) {
                errors.add("Patient.gender", "required: male or female");
            } else {
                patient.setGender(source.getGender());
            }
            if (source.hasBirthDateElement()) {
                patient.setBirthDateElement(source.getBirthDateElement().copy());
            }
            Fhir.extensionValue(source, Canonical.EXT_CITIZENSHIP, CodeType.class).ifPresent(code -> {
                if (CITIZENSHIP.contains(code.getValue())) {
                    patient.addExtension(Canonical.EXT_CITIZENSHIP, new CodeType(code.getValue()));
                } else {
                    errors.add(Fhir.extensionPath("Patient", Canonical.EXT_CITIZENSHIP), "expected I (WNI) or A (WNA)");
                }
            });
            for (int i = 0; i < source.getTelecom().size(); i++) {
                ContactPoint telecom = source.getTelecom().get(i);
                if (telecom.getSystem() != ContactPoint.ContactPointSystem.PHONE || !telecom.hasValue()) {
                    continue;
                }
                String phone = telecom.getValue().replaceAll("[\\s-]", "");
                if (LOCAL_PHONE.matcher(phone).matches()) {
                    phone = "+62" + phone.substring(1);
                }
                if (E164.matcher(phone).matches()) {
                    if (!patient.hasTelecom()) {
                        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
                    }
                } else {
                    errors.add("Patient.telecom[" + i + "].value", "expected a phone number (+62... or 08...)");
                }
            }
            address(source, patient);
            return patient;
        }

        private void address(Patient source, Patient patient) {
            if (!source.hasAddress()) {
                return;
            }
            Address home = source.getAddress().stream()
                    .filter(a -> a.getUse() == Address.AddressUse.HOME)
                    .findFirst()
                    .orElse(source.getAddressFirstRep());
            int index = source.getAddress().indexOf(home);
            String at = "Patient.address[" + index + "].extension('" + Canonical.EXT_ADMINISTRATIVE_CODE + "')";
            Optional<String> city = Fhir.subExtension(home, "city");
            Optional<String> province = Fhir.subExtension(home, "province");
            Region region = null;
            if (city.isPresent()) {
                region = regions.byKemendagriCompact(city.get()).filter(r -> !r.isProvince()).orElse(null);
                if (region == null) {
                    errors.add(at + ".extension('city').value", "unknown Kemendagri regency/city code '" + city.get() + "'");
                }
            } else if (province.isPresent()) {
                region = regions.byKemendagriCompact(province.get()).filter(Region::isProvince).orElse(null);
                if (region == null) {
                    errors.add(at + ".extension('province').value", "unknown Kemendagri province code '" + province.get() + "'");
                }
            }
            Address address = patient.addAddress().setUse(Address.AddressUse.HOME);
            if (home.hasLine()) {
                address.addLine(home.getLine().get(0).getValue());
            }
            if (region != null) {
                address.addExtension(Fhir.administrativeCode(region, Fhir.subExtension(home, JakartaFhir.DISTRICT).orElse(null)));
            }
        }

        /** One canonical Condition per victim per form; returns the chronology notes. */
        private List<String> conditions() {
            List<String> notes = new ArrayList<>();
            List<Condition> conditions = Bundles.all(in, Condition.class);
            if (conditions.isEmpty()) {
                errors.add("Condition", "required: at least one Condition with the form of violence");
            }
            Map<String, Set<String>> formsPerVictim = new LinkedHashMap<>();
            for (Condition source : conditions) {
                Reference victim = References.resolve(in, source.getSubject(), Patient.class).map(victims::get).orElse(null);
                if (victim == null) {
                    errors.add("Condition.subject", "required: the victim (a Patient in the Bundle)");
                    continue;
                }
                Coding region = incidentRegion(source);
                List<Coding> codings = source.getCode().getCoding();
                if (Fhir.codings(source.getCode(), JakartaFhir.CS_JENIS_KEKERASAN).isEmpty()) {
                    errors.add("Condition.code", "required: a coding from " + JakartaFhir.CS_JENIS_KEKERASAN);
                }
                for (int i = 0; i < codings.size(); i++) {
                    if (!JakartaFhir.CS_JENIS_KEKERASAN.equals(codings.get(i).getSystem())) {
                        continue;
                    }
                    Coding form = toHub(JakartaFhir.LIST_JENIS_KEKERASAN, codings.get(i).getCode(), "Condition.code.coding[" + i + "]");
                    if (form == null || !formsPerVictim.computeIfAbsent(victim.getReference(), k -> new LinkedHashSet<>()).add(form.getCode())) {
                        continue;
                    }
                    forms.add(form.getCode());
                    Bundles.add(out, condition(source, form, victim, region));
                }
                for (Annotation note : source.getNote()) {
                    if (note.hasText() && !note.getText().isBlank() && !notes.contains(note.getText())) {
                        notes.add(note.getText());
                    }
                }
            }
            return notes;
        }

        private Coding incidentRegion(Condition source) {
            String at = Fhir.extensionPath("Condition", JakartaFhir.EXT_LOKASI_KEJADIAN);
            Optional<CodeType> code = Fhir.extensionValue(source, JakartaFhir.EXT_LOKASI_KEJADIAN, CodeType.class);
            if (code.isEmpty()) {
                if (source.getExtensionByUrl(JakartaFhir.EXT_LOKASI_KEJADIAN) != null) {
                    errors.add(at, "expected a valueCode: the Kemendagri region code without dots");
                }
                return null;
            }
            Optional<Region> region = regions.byKemendagriCompact(code.get().getValue());
            if (region.isEmpty()) {
                errors.add(at, "unknown Kemendagri region code '" + code.get().getValue() + "'");
                return null;
            }
            return Fhir.regionCoding(region.get());
        }

        private Condition condition(Condition source, Coding form, Reference victim, Coding region) {
            Condition condition = new Condition();
            Fhir.profile(condition, Canonical.PROFILE_VIOLENCE);
            condition.setClinicalStatus(new CodeableConcept(new Coding(JakartaFhir.CONDITION_CLINICAL, "active", "Active")));
            condition.setVerificationStatus(new CodeableConcept(
                    new Coding(JakartaFhir.CONDITION_VERIFICATION, "provisional", "Provisional")));
            condition.addCategory(new CodeableConcept(Fhir.hubCoding(
                    terminology, Canonical.CS_CONDITION_CATEGORY, Fhir.CONDITION_CATEGORY_VIOLENCE)));
            condition.setCode(new CodeableConcept(form.copy()));
            condition.setSubject(victim.copy());
            if (source.hasOnsetDateTimeType()) {
                condition.setOnset(source.getOnsetDateTimeType().copy());
            }
            if (region != null) {
                condition.addExtension(Canonical.EXT_INCIDENT_REGION, region.copy());
            }
            return condition;
        }

        private void perpetrators() {
            for (RelatedPerson source : Bundles.all(in, RelatedPerson.class)) {
                if (!isPerpetrator(source)) {
                    continue;
                }
                RelatedPerson person = new RelatedPerson();
                Fhir.profile(person, Canonical.PROFILE_PERPETRATOR);
                List<Coding> codings = source.getRelationship().stream()
                        .flatMap(r -> Fhir.codings(r, JakartaFhir.CS_HUBUNGAN).stream())
                        .toList();
                if (codings.isEmpty()) {
                    errors.add("RelatedPerson.relationship", "required: a coding from " + JakartaFhir.CS_HUBUNGAN);
                } else {
                    Coding relationship = toHub(JakartaFhir.LIST_HUBUNGAN, codings.get(0).getCode(), "RelatedPerson.relationship");
                    if (relationship != null) {
                        relationships.add(relationship.getCode());
                        person.addRelationship(new CodeableConcept(relationship));
                    }
                }
                person.addRelationship(new CodeableConcept(
                        Fhir.hubCoding(terminology, Canonical.CS_PERSON_ROLE, Canonical.ROLE_PERPETRATOR)));
                source.getName().stream().map(ReferralReader::nameText).filter(n -> !n.isBlank()).findFirst()
                        .ifPresent(name -> person.addName().setText(name));
                if (source.hasGender()) {
                    person.setGender(source.getGender());
                }
                // The model links every perpetrator to the first victim (RelatedPerson.patient is 1..1).
                if (!victimOrder.isEmpty()) {
                    person.setPatient(victimOrder.get(0).copy());
                }
                Bundles.add(out, person);
            }
        }

        private void consents() {
            for (Consent source : Bundles.all(in, Consent.class)) {
                Optional<Patient> patient = References.resolve(in, source.getPatient(), Patient.class);
                if (patient.isEmpty() || !victims.containsKey(patient.get())) {
                    errors.add("Consent.patient", "required: the victim (a Patient in the Bundle)");
                    continue;
                }
                Reference victim = victims.get(patient.get());
                Consent consent = new Consent();
                Fhir.profile(consent, Canonical.PROFILE_CONSENT);
                boolean permit;
                if (source.hasProvision() && source.getProvision().hasType()) {
                    permit = source.getProvision().getType() == Consent.ConsentProvisionType.PERMIT;
                } else if (source.getStatus() == Consent.ConsentState.ACTIVE || source.getStatus() == Consent.ConsentState.REJECTED) {
                    permit = source.getStatus() == Consent.ConsentState.ACTIVE;
                } else {
                    errors.add("Consent.provision.type", "required: permit or deny");
                    continue;
                }
                consent.setStatus(permit ? Consent.ConsentState.ACTIVE : Consent.ConsentState.REJECTED);
                consent.setScope(new CodeableConcept(
                        new Coding(JakartaFhir.CONSENT_SCOPE, JakartaFhir.CONSENT_SCOPE_PRIVACY, "Privacy Consent")));
                consent.addCategory(new CodeableConcept(
                        new Coding(JakartaFhir.LOINC, JakartaFhir.LOINC_PRIVACY_CONSENT, "Patient Consent")));
                consent.setPatient(victim.copy());
                if (source.hasDateTimeElement()) {
                    consent.setDateTimeElement(source.getDateTimeElement().copy());
                } else {
                    errors.add("Consent.dateTime", "required: when consent was given");
                }
                consent.addPerformer(performer(source, victim));
                consent.setPolicyRule(new CodeableConcept(
                        Fhir.hubCoding(terminology, Canonical.CS_LAWFUL_BASIS, BASIS_CONSENT)));
                consent.getProvision().setType(permit ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
                Bundles.add(out, consent);
            }
        }

        /** The victim, or a consent-giver RelatedPerson (no name) when a guardian gave consent. */
        private Reference performer(Consent source, Reference victim) {
            Reference performer = source.getPerformer().isEmpty() ? null : source.getPerformerFirstRep();
            Optional<RelatedPerson> guardian = References.resolve(in, performer, RelatedPerson.class);
            if (guardian.isEmpty()) {
                return victim.copy();
            }
            boolean parent = guardian.get().getRelationship().stream().anyMatch(r ->
                    Fhir.codings(r, JakartaFhir.CS_HUBUNGAN).stream().anyMatch(c -> "OT".equalsIgnoreCase(c.getCode()))
                            || Fhir.codings(r, JakartaFhir.V3_ROLE_CODE).stream().anyMatch(c -> JakartaFhir.ROLE_PARENT.equals(c.getCode())));
            RelatedPerson giver = new RelatedPerson();
            Fhir.profile(giver, Canonical.PROFILE_CONSENT_GIVER);
            giver.setPatient(victim.copy());
            giver.addRelationship(new CodeableConcept(
                    Fhir.hubCoding(terminology, Canonical.CS_CONSENT_GIVER, parent ? GIVER_PARENT : GIVER_GUARDIAN)));
            giver.addRelationship(new CodeableConcept(
                    Fhir.hubCoding(terminology, Canonical.CS_PERSON_ROLE, Canonical.ROLE_CONSENT_GIVER)));
            return Bundles.add(out, giver);
        }

        private Organization senderOrganization(Optional<Region> senderRegion) {
            Organization organization = new Organization();
            organization.addIdentifier(new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(sender.id()));
            if (sender.organisationName() != null) {
                organization.setName(sender.organisationName());
            }
            senderRegion.ifPresent(r -> organization.addAddress().addExtension(Fhir.administrativeCode(r, null)));
            return organization;
        }

        /** Task.owner, when Jakarta names one: the region the referral should go to. */
        private void destination(Task task) {
            if (!source.hasOwner()) {
                return;
            }
            Optional<Organization> owner = References.resolve(in, source.getOwner(), Organization.class);
            if (owner.isEmpty()) {
                errors.add("Task.owner", "does not point at an Organization in the Bundle");
                return;
            }
            Optional<String> code = owner.get().getIdentifier().stream()
                    .filter(id -> JakartaFhir.SID_KODE_WILAYAH.equals(id.getSystem()) && id.hasValue())
                    .map(Identifier::getValue)
                    .findFirst();
            if (code.isEmpty()) {
                errors.add("Organization.identifier", "the destination needs an identifier with system "
                        + JakartaFhir.SID_KODE_WILAYAH);
                return;
            }
            Optional<Region> region = regions.byKemendagriCompact(code.get());
            if (region.isEmpty()) {
                errors.add("Organization.identifier", "unknown Kemendagri region code '" + code.get() + "'");
                return;
            }
            task.addExtension(Canonical.EXT_REQUESTED_DESTINATION, Fhir.regionCoding(region.get()));
        }

        private Coding toHub(String list, String code, String field) {
            return errors.collect(() -> terminology.toHub(JakartaFhir.REGION, list, code, field));
        }
    }

    static boolean isPerpetrator(RelatedPerson person) {
        return Fhir.extensionValue(person, JakartaFhir.EXT_PERAN, CodeType.class)
                .map(code -> JakartaFhir.PERAN_TERLAPOR.equals(code.getValue()))
                .orElse(false);
    }

    static String nameText(HumanName name) {
        if (name.hasText()) {
            return name.getText().trim();
        }
        List<String> parts = new ArrayList<>();
        name.getGiven().stream().map(StringType::getValue).forEach(parts::add);
        if (name.hasFamily()) {
            parts.add(name.getFamily());
        }
        return String.join(" ", parts).trim();
    }
}
