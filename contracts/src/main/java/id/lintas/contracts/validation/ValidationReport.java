package id.lintas.contracts.validation;

import id.lintas.contracts.spi.FieldError;
import java.util.List;

/**
 * What HAPI's validator found in a canonical Bundle. Only errors (and fatals) make a Bundle
 * invalid; warnings are kept for diagnosis.
 */
public record ValidationReport(List<Issue> errors, List<Issue> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The errors in the hub's one error model, the FHIRPath standing for the field. */
    public List<FieldError> fieldErrors() {
        return errors.stream().map(issue -> new FieldError(issue.location(), issue.message())).toList();
    }

    /**
     * One finding: where in the Bundle (a FHIRPath such as {@code Bundle.entry[2].resource.gender})
     * and the validator's message. Messages name elements and codes, never element values that
     * could identify a victim, because HAPI only quotes codes and profile names.
     */
    public record Issue(String location, String message) {
        @Override
        public String toString() {
            return location + ": " + message;
        }
    }
}
