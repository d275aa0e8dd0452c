package id.lintas.contracts.validation;

import id.lintas.contracts.spi.CanonicalField;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.RegionAdapter;
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
        return errors.stream()
                .map(issue -> new FieldError(issue.location(), issue.message()))
                .toList();
    }

    /** The errors with the sender's own field names where its adapter has them, else the FHIRPath. */
    public List<FieldError> fieldErrors(RegionAdapter sender) {
        return errors.stream()
                .map(issue -> {
                    String name = issue.field() == null ? null : sender.fieldName(issue.field(), issue.victim());
                    return new FieldError(name != null ? name : issue.location(), issue.message());
                })
                .toList();
    }

    /**
     * One finding: where in the Bundle (a FHIRPath such as {@code Bundle.entry[2].resource.gender})
     * and the validator's message. Messages name elements and codes, never element values that
     * could identify a victim, because HAPI only quotes codes and profile names.
     *
     * @param field for a hub-wide check's finding, the canonical element a region's adapter can name
     * @param victim the victim's position (0 = first) when the element is a victim's, else -1
     */
    public record Issue(String location, String message, CanonicalField field, int victim) {

        /** A finding of HAPI's validator: where, and what. */
        public Issue(String location, String message) {
            this(location, message, null, -1);
        }

        @Override
        public String toString() {
            return location + ": " + message;
        }
    }
}
