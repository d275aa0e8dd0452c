package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** {@code layanan_diminta}: one canonical {@code ServiceRequest} per requested service. */
final class ServiceRequestMapper {

    private ServiceRequestMapper() {}

    static List<Coding> read(JsonNode root, FieldReader in) {
        return in.codes(root, "", KukarFields.LAYANAN_DIMINTA, KukarFields.LIST_LAYANAN, REQUIRED);
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

    /** The requested services in the Task's order; empty when the receiver may see none. */
    static Optional<ArrayNode> write(Bundle bundle, Task task, RenderContext out) {
        List<ServiceRequest> requests = new ArrayList<>();
        for (Reference reference : task.getBasedOn()) {
            Bundles.resolve(bundle, reference, ServiceRequest.class).ifPresent(requests::add);
        }
        // Requests the Task does not list still belong to this referral.
        Bundles.all(bundle, ServiceRequest.class).stream()
                .filter(request -> !requests.contains(request))
                .forEach(requests::add);
        if (requests.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode services = KukarJson.MAPPER.createArrayNode();
        for (int i = 0; i < requests.size(); i++) {
            String field = FieldReader.index(KukarFields.LAYANAN_DIMINTA, i);
            String code = out.code(KukarFields.LIST_LAYANAN,
                    Fhir.coding(requests.get(i).getCode(), Canonical.CS_SERVICE), Canonical.CS_SERVICE, field);
            if (code != null && !contains(services, code)) {
                services.add(code);
            }
        }
        return Optional.of(services);
    }

    static boolean contains(ArrayNode array, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.asText())) {
                return true;
            }
        }
        return false;
    }
}
