package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.model.ExternalIdentifier;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.ReferralKind;
import id.lintas.contracts.model.Urgency;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Jakarta's Task of a {@code rujukan-baru}: the case number, revision ({@code meta.versionId}), kind,
 * priority, when it was reported, the reason, the destination ({@code Task.owner}) and the requested
 * services (its ServiceRequest, one coding per service).
 */
final class TaskReader {

    private final Codes codes;
    private final RegionTable regions;

    TaskReader(Codes codes, RegionTable regions) {
        this.codes = codes;
        this.regions = regions;
    }

    /** The referral's own values; a value with an error is left out, the error collected. */
    void read(Inbound in, Referral.Builder referral) {
        Task source = in.task();
        Errors errors = in.errors();
        Optional<String> caseNumber = source.getIdentifier().stream()
                .filter(id -> JakartaFhir.SID_KASUS.equals(id.getSystem())
                        && id.hasValue()
                        && !id.getValue().isBlank())
                .map(Identifier::getValue)
                .findFirst();
        if (caseNumber.isPresent()) {
            referral.sourceCaseNumber(caseNumber.get().trim());
            // Jakarta's own identifier, so a case sent back to Jakarta names the case it came from.
            referral.identifier(new ExternalIdentifier(
                    JakartaFhir.SID_KASUS, caseNumber.get().trim()));
        } else {
            errors.add("Task.identifier", "required: Jakarta's case number with system " + JakartaFhir.SID_KASUS);
        }
        referral.revision(revision(source));
        if (source.getStatus() != Task.TaskStatus.REQUESTED) {
            errors.add("Task.status", "a new referral has status 'requested'");
        }
        List<Coding> kinds = Fhir.codings(source.getCode(), JakartaFhir.CS_JENIS_RUJUKAN);
        if (kinds.isEmpty()) {
            errors.add("Task.code", "required: a coding from " + JakartaFhir.CS_JENIS_RUJUKAN);
        } else {
            Coding kind = codes.toHub(
                    errors, JakartaFhir.LIST_JENIS_RUJUKAN, kinds.get(0).getCode(), "Task.code");
            if (kind != null) {
                referral.kind(ReferralKind.valueOf(kind.getCode()));
            }
        }
        if (!source.hasPriority()) {
            errors.add("Task.priority", "required: routine, urgent, asap or stat");
        } else {
            Coding urgency = codes.toHub(
                    errors, JakartaFhir.LIST_PRIORITAS, source.getPriority().toCode(), "Task.priority");
            if (urgency != null) {
                referral.urgency(Urgency.valueOf(urgency.getCode()));
            }
        }
        referral.authoredOn(authoredOn(in));
        if (source.hasReasonCode() && source.getReasonCode().hasText()) {
            referral.reason(source.getReasonCode().getText());
        }
    }

    private static int revision(Task task) {
        String version = task.getMeta().getVersionId();
        if (version != null && version.matches("[1-9]\\d{0,8}")) {
            return Integer.parseInt(version);
        }
        return 1;
    }

    /** As Jakarta wrote it when it has an offset; a local time is read in the sender's zone. */
    private static OffsetDateTime authoredOn(Inbound in) {
        Task source = in.task();
        if (!source.hasAuthoredOnElement() || source.getAuthoredOnElement().getValueAsString() == null) {
            in.errors().add("Task.authoredOn", "required: when the case was reported, with an offset");
            return null;
        }
        String text = source.getAuthoredOnElement().getValueAsString();
        try {
            if (Fhir.hasOffset(source.getAuthoredOnElement())) {
                // Kept exactly as Jakarta wrote it: the instant and its offset.
                return OffsetDateTime.parse(text);
            }
            return LocalDateTime.parse(text).atZone(in.sender().zone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            in.errors().add("Task.authoredOn", "expected a date and time with an offset");
            return null;
        }
    }

    /** The requested services: the focus ServiceRequest first, then any other in the Bundle, each code once. */
    List<String> services(Inbound in) {
        List<ServiceRequest> requests = new ArrayList<>();
        in.resolve(in.task().getFocus(), ServiceRequest.class).ifPresent(requests::add);
        Bundles.all(in.bundle(), ServiceRequest.class).stream()
                .filter(r -> !requests.contains(r))
                .forEach(requests::add);
        if (requests.isEmpty()) {
            in.errors().add("Task.focus", "required: the ServiceRequest with the requested services");
            return List.of();
        }
        Set<String> services = new LinkedHashSet<>();
        for (ServiceRequest request : requests) {
            if (Fhir.codings(request.getCode(), JakartaFhir.CS_LAYANAN).isEmpty()) {
                in.errors()
                        .add(
                                "ServiceRequest.code",
                                "required: one coding from " + JakartaFhir.CS_LAYANAN + " per requested service");
            }
            for (int i = 0; i < request.getCode().getCoding().size(); i++) {
                Coding coding = request.getCode().getCoding().get(i);
                if (!JakartaFhir.CS_LAYANAN.equals(coding.getSystem())) {
                    continue;
                }
                Coding service = codes.toHub(
                        in.errors(),
                        JakartaFhir.LIST_LAYANAN,
                        coding.getCode(),
                        "ServiceRequest.code.coding[" + i + "]");
                if (service != null) {
                    services.add(service.getCode());
                }
            }
        }
        return List.copyOf(services);
    }

    /** Task.owner, when Jakarta names one: the region the referral should go to; empty otherwise. */
    Optional<Region> destination(Inbound in) {
        Task source = in.task();
        Errors errors = in.errors();
        if (!source.hasOwner()) {
            return Optional.empty();
        }
        Optional<Organization> owner = in.resolve(source.getOwner(), Organization.class);
        if (owner.isEmpty()) {
            errors.add("Task.owner", "does not point at an Organization in the Bundle");
            return Optional.empty();
        }
        Optional<String> code = owner.get().getIdentifier().stream()
                .filter(id -> JakartaFhir.SID_KODE_WILAYAH.equals(id.getSystem()) && id.hasValue())
                .map(Identifier::getValue)
                .findFirst();
        if (code.isEmpty()) {
            errors.add(
                    "Organization.identifier",
                    "the destination needs an identifier with system " + JakartaFhir.SID_KODE_WILAYAH);
            return Optional.empty();
        }
        Optional<Region> region = regions.byKemendagriCompact(code.get());
        if (region.isEmpty()) {
            errors.add("Organization.identifier", "unknown Kemendagri region code '" + code.get() + "'");
        }
        return region;
    }
}
