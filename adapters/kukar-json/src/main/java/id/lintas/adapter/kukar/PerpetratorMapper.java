package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;

/** {@code pelaku[]}: one perpetrator of the typed referral each. */
final class PerpetratorMapper {

    private static final int MAX_AGE = 130;

    private PerpetratorMapper() {}

    static Perpetrator read(JsonNode perpetrator, String at, FieldReader in) {
        Coding relationship = in.code(perpetrator, at, KukarFields.HUBUNGAN, KukarFields.LIST_HUBUNGAN, REQUIRED);
        String name = in.text(perpetrator, at, KukarFields.NAMA, OPTIONAL);
        Coding gender = in.code(perpetrator, at, KukarFields.JK, KukarFields.LIST_JENIS_KELAMIN, OPTIONAL);
        Integer age = in.integer(perpetrator, at, KukarFields.USIA, OPTIONAL, 0, MAX_AGE);
        return new Perpetrator(
                name, gender == null ? null : Gender.ofCode(gender.getCode()), age, FieldReader.hubCode(relationship));
    }

    /** The perpetrators; empty when the receiver may see none. */
    static Optional<ArrayNode> write(Referral referral, RenderContext out) {
        if (referral.perpetrators().isEmpty()) {
            return Optional.empty();
        }
        ArrayNode array = JsonDocuments.MAPPER.createArrayNode();
        for (int i = 0; i < referral.perpetrators().size(); i++) {
            array.add(write(referral.perpetrators().get(i), FieldReader.index(KukarFields.PELAKU, i), out));
        }
        return Optional.of(array);
    }

    private static ObjectNode write(Perpetrator person, String at, RenderContext out) {
        ObjectNode json = JsonDocuments.object();
        JsonDocuments.putIfPresent(json, KukarFields.NAMA, person.name());
        JsonDocuments.putIfPresent(
                json,
                KukarFields.JK,
                out.gender(KukarFields.LIST_JENIS_KELAMIN, person.gender(), FieldReader.path(at, KukarFields.JK)));
        if (person.age() != null) {
            json.put(KukarFields.USIA, person.age());
        }
        JsonDocuments.putIfPresent(
                json,
                KukarFields.HUBUNGAN,
                out.code(
                        KukarFields.LIST_HUBUNGAN,
                        Canonical.CS_RELATIONSHIP,
                        person.relationship(),
                        FieldReader.path(at, KukarFields.HUBUNGAN)));
        return json;
    }
}
