package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.PETUGAS;

import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Practitioner;

/** The sending officer: PPU gives only the name ({@code Petugas}), no NIP or phone. */
final class PractitionerMapper {

    Practitioner toPractitioner(String name) {
        Practitioner practitioner = new Practitioner();
        practitioner.addName(new HumanName().setText(name));
        return practitioner;
    }

    void render(Practitioner practitioner, Rendering.Cells cells) {
        if (practitioner.hasName()) {
            HumanName name = practitioner.getNameFirstRep();
            cells.put(PETUGAS, name.hasText() ? name.getText() : name.getNameAsSingleString());
        }
    }
}
