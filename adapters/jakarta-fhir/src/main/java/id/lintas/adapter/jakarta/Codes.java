package id.lintas.adapter.jakarta;

import id.lintas.contracts.terminology.Terminology;
import org.hl7.fhir.r4.model.Coding;

/** Jakarta's code lists to the hub's and back, by the ConceptMaps; a code no map knows becomes a field error. */
final class Codes {

    private final Terminology terminology;

    Codes(Terminology terminology) {
        this.terminology = terminology;
    }

    /** Jakarta's code in the hub's terms, or null with the error collected. */
    Coding toHub(Errors errors, String list, String code, String field) {
        return errors.collect(() -> terminology.toHub(JakartaFhir.REGION, list, code, field));
    }

    /** A hub coding in Jakarta's terms, or null with the error collected. */
    String fromHub(Errors errors, String list, Coding hub, String field) {
        return errors.collect(() -> terminology.fromHub(JakartaFhir.REGION, list, hub, field));
    }

    /** A hub coding with the display its CodeSystem gives, when it gives one. */
    Coding hub(String system, String code) {
        return new Coding(system, code, terminology.display(system, code).orElse(null));
    }

    Terminology terminology() {
        return terminology;
    }
}
