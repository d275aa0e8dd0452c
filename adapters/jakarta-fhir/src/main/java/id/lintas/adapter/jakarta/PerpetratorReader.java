package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.model.Perpetrator;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.RelatedPerson;

/** Jakarta's perpetrators: RelatedPersons with {@code peran = terlapor}, their relation to the victim, name and gender. */
final class PerpetratorReader {

    private final Codes codes;

    PerpetratorReader(Codes codes) {
        this.codes = codes;
    }

    List<Perpetrator> read(Inbound in) {
        List<Perpetrator> perpetrators = new ArrayList<>();
        for (RelatedPerson source : Bundles.all(in.bundle(), RelatedPerson.class)) {
            if (!isPerpetrator(source)) {
                continue;
            }
            List<Coding> codings = source.getRelationship().stream()
                    .flatMap(r -> Fhir.codings(r, JakartaFhir.CS_HUBUNGAN).stream())
                    .toList();
            String relationship = null;
            if (codings.isEmpty()) {
                in.errors().add("RelatedPerson.relationship", "required: a coding from " + JakartaFhir.CS_HUBUNGAN);
            } else {
                Coding hub = codes.toHub(
                        in.errors(), JakartaFhir.LIST_HUBUNGAN, codings.get(0).getCode(), "RelatedPerson.relationship");
                relationship = hub == null ? null : hub.getCode();
            }
            String name = source.getName().stream()
                    .map(PatientReader::nameText)
                    .filter(n -> !n.isBlank())
                    .findFirst()
                    .orElse(null);
            perpetrators.add(new Perpetrator(name, Fhir.gender(source.getGender()), null, relationship));
        }
        return perpetrators;
    }

    static boolean isPerpetrator(RelatedPerson person) {
        return Fhir.extensionValue(person, JakartaFhir.EXT_PERAN, CodeType.class)
                .map(code -> JakartaFhir.PERAN_TERLAPOR.equals(code.getValue()))
                .orElse(false);
    }
}
