package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;
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
    /** UU 35/2014: a child is anyone under 18. */
    private static final int ADULT_AGE = 18;

    private CaseCategory() {}

    static void read(Element root, String at, FieldReader in) {
        String field = FieldReader.path(at, PrabumulihFields.KATEGORI_KASUS);
        String code = in.text(root, at, PrabumulihFields.KATEGORI_KASUS, REQUIRED);
        if (code == null || CODES.contains(code)) {
            return;
        }
        in.error(
                field,
                CODE_SHAPE.matcher(code).matches()
                        ? "unknown code '" + code + "'"
                        : "not a code of the list " + PrabumulihFields.KATEGORI_KASUS);
    }

    /** The category of a referral: TPPO first, then a child victim, then a woman victim. */
    static String derive(Referral referral, ZoneId zone) {
        if (referral.incident() != null && referral.incident().forms().contains(Incident.TRAFFICKING)) {
            return TRAFFICKING;
        }
        Victim victim = referral.firstVictim();
        if (victim == null) {
            return OTHER;
        }
        LocalDate reported = referral.authoredOn() != null
                ? referral.authoredOn().atZoneSameInstant(zone).toLocalDate()
                : LocalDate.now(zone);
        Integer age = victim.ageOn(reported);
        if (age != null && age < ADULT_AGE) {
            return CHILDREN;
        }
        return victim.gender() == Gender.FEMALE ? WOMEN : OTHER;
    }
}
