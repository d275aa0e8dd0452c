package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Canonical;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** The requested services in Jakarta's shape: one ServiceRequest with one coding per service, in Jakarta's codes. */
final class ServiceRequestWriter {

    private final Codes codes;

    ServiceRequestWriter(Codes codes) {
        this.codes = codes;
    }

    /** The requested services, each once, in Jakarta's codes. */
    List<Coding> services(Outbound out) {
        Map<String, Coding> services = new LinkedHashMap<>();
        List<String> requested = out.referral().services();
        for (int i = 0; i < requested.size(); i++) {
            String code = codes.fromHub(
                    out.errors(),
                    JakartaFhir.LIST_LAYANAN,
                    new Coding(Canonical.CS_SERVICE, requested.get(i), null),
                    "ServiceRequest.code.coding[" + i + "]");
            if (code != null) {
                services.putIfAbsent(code, new Coding(JakartaFhir.CS_LAYANAN, code, null));
            }
        }
        return new ArrayList<>(services.values());
    }

    ServiceRequest write(List<Coding> services, Task task) {
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
}
