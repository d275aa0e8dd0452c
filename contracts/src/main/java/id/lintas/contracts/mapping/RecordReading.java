package id.lintas.contracts.mapping;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Coding;

/**
 * What a format's field reader can read out of one record of its messages (a JSON object, an XML
 * element), so that readings every region shares, such as {@link VictimIdentity#read}, are written
 * once for every format. Each read records its own errors and returns null when the field is absent
 * or wrong, as {@link FieldReading} does.
 *
 * @param <P> the format's record: a Jackson node, a DOM element
 */
public interface RecordReading<P> {

    /** Whether the field is there at all. */
    boolean hasField(P record, String name);

    String text(P record, String at, String name, Need need);

    /** A code of one of the region's lists, translated to the hub's coding. */
    Coding code(P record, String at, String name, String list, Need need);

    LocalDate date(P record, String at, String name, Need need);

    Integer integer(P record, String at, String name, Need need, int min, int max);

    /** How the region names the field {@code name} of the record at {@code at} in an error. */
    String fieldPath(String at, String name);

    void error(String field, String reason);
}
