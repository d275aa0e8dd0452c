package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.Perpetrator;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.RelatedPerson;

/** A perpetrator: the {@code * Pelaku} columns to and from the typed perpetrator. Stateless. */
final class PerpetratorMapper {

    /** An empty {@code Hubungan Pelaku} beside a named perpetrator: the relation is not known. */
    Perpetrator toPerpetrator(RujukanRow.Perpetrator perpetrator) {
        return new Perpetrator(
                perpetrator.name(),
                perpetrator.gender() == null
                        ? null
                        : Gender.ofCode(perpetrator.gender().getCode()),
                perpetrator.age(),
                perpetrator.relationship() == null
                        ? Perpetrator.UNKNOWN
                        : perpetrator.relationship().getCode());
    }

    /** Whether a RelatedPerson of a canonical Bundle is a perpetrator. */
    static boolean isPerpetrator(RelatedPerson person) {
        return CanonicalReader.isPerpetrator(person);
    }

    /** The perpetrator cells of one row. */
    void render(Perpetrator perpetrator, Rendering out, Rendering.Cells cells) {
        cells.put(NAMA_PELAKU, perpetrator.name());
        cells.put(JK_PELAKU, PatientMapper.gender(perpetrator.gender(), JK_PELAKU, out));
        cells.put(UMUR_PELAKU, perpetrator.age() == null ? null : String.valueOf(perpetrator.age()));
        // PPU writes an unknown relation as an empty cell (see hub-to-ppu.json).
        if (perpetrator.relationship() != null && !Perpetrator.UNKNOWN.equals(perpetrator.relationship())) {
            cells.put(
                    HUBUNGAN_PELAKU,
                    out.code(
                            LIST_HUBUNGAN_PELAKU,
                            Canonical.CS_RELATIONSHIP,
                            perpetrator.relationship(),
                            HUBUNGAN_PELAKU));
        }
    }

    /** A perpetrator PPU's rows have no room for, written out for the {@code Kronologi} note. */
    String describe(Perpetrator perpetrator, int number, Rendering out) {
        List<String> parts = new ArrayList<>();
        Rendering.Cells cells = new Rendering.Cells();
        render(perpetrator, out, cells);
        for (String column : List.of(NAMA_PELAKU, JK_PELAKU, UMUR_PELAKU, HUBUNGAN_PELAKU)) {
            if (cells.get(column) != null) {
                parts.add(column + " " + cells.get(column));
            }
        }
        return "Pelaku " + number + ": " + (parts.isEmpty() ? "-" : String.join(", ", parts));
    }
}
