package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.w3c.dom.Element;

/**
 * {@code kategori_kasus}: Prabumulih's case category (100 violence against women, 200 against
 * children, 300 TPPO victim, 900 other). The canonical model has no such field because it follows
 * from what the model holds: the forms of violence and the first victim's age and sex. So an
 * inbound category is only checked against FORMAT.md's list, and an outbound one is derived.
 */
final class CaseCategory {

    static final String WOMEN = "100";
    static final String CHILDREN = "200";
    static final String TRAFFICKING = "300";
    static final String OTHER = "900";

    private static final Set<String> CODES = Set.of(WOMEN, CHILDREN, TRAFFICKING, OTHER);
    private static final Pattern CODE_SHAPE = Pattern.compile("\\d{3}");
    private static final String FORM_TPPO = "TPPO";
    /** UU 35/2014: a child is anyone under 18. */
    private static final int ADULT_AGE = 18;

    private CaseCategory() {}

    static void read(Element root, String at, FieldReader in) {
        String field = FieldReader.path(at, PrabumulihFields.KATEGORI_KASUS);
        String code = in.text(root, at, PrabumulihFields.KATEGORI_KASUS, REQUIRED);
        if (code == null || CODES.contains(code)) {
            return;
        }
        in.error(field, CODE_SHAPE.matcher(code).matches()
                ? "unknown code '" + code + "'"
                : "not a code of the list " + PrabumulihFields.KATEGORI_KASUS);
    }

    /** The category of a canonical referral: TPPO first, then a child victim, then a woman victim. */
    static String derive(Bundle bundle, Task task, List<Patient> victims, ZoneId zone) {
        boolean trafficking = Bundles.all(bundle, Condition.class).stream()
                .map(c -> Fhir.coding(c.getCode(), Canonical.CS_VIOLENCE_FORM))
                .flatMap(Optional::stream)
                .anyMatch(form -> FORM_TPPO.equals(form.getCode()));
        if (trafficking) {
            return TRAFFICKING;
        }
        if (victims.isEmpty()) {
            return OTHER;
        }
        Patient victim = victims.get(0);
        LocalDate reported = task.hasAuthoredOn()
                ? task.getAuthoredOn().toInstant().atZone(zone).toLocalDate()
                : LocalDate.now(zone);
        Optional<Integer> age = age(victim, reported);
        if (age.isPresent() && age.get() < ADULT_AGE) {
            return CHILDREN;
        }
        return victim.getGender() == AdministrativeGender.FEMALE ? WOMEN : OTHER;
    }

    /** The age at the report: from the birth date (its first possible day when only month or year is known), else as recorded. */
    private static Optional<Integer> age(Patient victim, LocalDate reported) {
        if (victim.hasBirthDateElement() && victim.getBirthDateElement().getValueAsString() != null) {
            String text = victim.getBirthDateElement().getValueAsString();
            LocalDate birth = switch (text.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1);
                case 7 -> LocalDate.parse(text + "-01");
                default -> LocalDate.parse(text.substring(0, 10));
            };
            return Optional.of(Period.between(birth, reported).getYears());
        }
        return Fhir.ageYears(victim);
    }
}
