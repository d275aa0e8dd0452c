package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.w3c.dom.Element;

/** {@code <layanan_diminta>}: one canonical {@code ServiceRequest} per requested service. */
final class ServiceRequestMapper {

    private static final String AT = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.LAYANAN_DIMINTA);

    private ServiceRequestMapper() {}

    static List<Coding> read(Element root, FieldReader in) {
        Element requested = in.element(root, TaskMapper.ROOT, PrabumulihFields.LAYANAN_DIMINTA, REQUIRED);
        if (requested == null) {
            return List.of();
        }
        return in.codes(requested, AT, PrabumulihFields.LAYANAN, PrabumulihFields.LIST_LAYANAN);
    }

    static ServiceRequest toServiceRequest(Coding service) {
        ServiceRequest request = new ServiceRequest();
        Fhir.profile(request, Canonical.PROFILE_SERVICE_REQUEST);
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setCode(new CodeableConcept(service));
        return request;
    }

    static void link(ServiceRequest request, Reference firstVictim, Reference requester) {
        request.setSubject(firstVictim);
        request.setRequester(requester);
    }

    /** The requested services in the Task's order; nothing when the receiver may see none. */
    static void write(Bundle bundle, Task task, RenderContext out, Element kasus) {
        List<ServiceRequest> requests = new ArrayList<>();
        for (Reference reference : task.getBasedOn()) {
            Bundles.resolve(bundle, reference, ServiceRequest.class).ifPresent(requests::add);
        }
        // Requests the Task does not list still belong to this referral.
        Bundles.all(bundle, ServiceRequest.class).stream()
                .filter(request -> !requests.contains(request))
                .forEach(requests::add);
        if (requests.isEmpty()) {
            return;
        }
        Element services = XmlDocuments.add(kasus, PrabumulihFields.LAYANAN_DIMINTA);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String field = FieldReader.attributePath(
                    FieldReader.index(FieldReader.path(AT, PrabumulihFields.LAYANAN), i), PrabumulihFields.KODE);
            String code = out.code(PrabumulihFields.LIST_LAYANAN,
                    Fhir.coding(requests.get(i).getCode(), Canonical.CS_SERVICE), Canonical.CS_SERVICE, field);
            if (code != null && !written.contains(code)) {
                written.add(code);
                XmlDocuments.attribute(XmlDocuments.add(services, PrabumulihFields.LAYANAN), PrabumulihFields.KODE, code);
            }
        }
    }
}
