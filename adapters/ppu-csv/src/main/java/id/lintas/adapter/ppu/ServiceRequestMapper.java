package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.LAYANAN_DIBUTUHKAN;
import static id.lintas.adapter.ppu.Columns.LIST_LAYANAN;

import id.lintas.contracts.canonical.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/** One ServiceRequest per value of {@code Layanan Dibutuhkan}, so agreements can cover some services and not others. */
final class ServiceRequestMapper {

    ServiceRequest toServiceRequest(Coding service, Reference firstVictim, Reference requester) {
        ServiceRequest request = new ServiceRequest();
        Fhir.profile(request, Canonical.PROFILE_SERVICE_REQUEST);
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setCode(Fhir.concept(service));
        request.setSubject(firstVictim.copy());
        request.setRequester(requester.copy());
        return request;
    }

    /** All requested services in one multi-value cell, in the bundle's order. */
    void render(List<ServiceRequest> requests, Rendering out, Rendering.Cells cells) {
        String joined = requests.stream()
                .map(r -> out.code(LIST_LAYANAN, Fhir.coding(r.getCode(), Canonical.CS_SERVICE), LAYANAN_DIBUTUHKAN))
                .filter(Objects::nonNull)
                .distinct()
                .collect(Collectors.joining(", "));
        cells.put(LAYANAN_DIBUTUHKAN, joined);
    }
}
