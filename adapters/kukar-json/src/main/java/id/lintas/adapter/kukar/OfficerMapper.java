package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.mapping.IndonesianNumbers;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.model.Officer;
import id.lintas.contracts.model.Referral;
import java.util.Optional;

/** {@code petugas}: the sending officer. */
final class OfficerMapper {

    private OfficerMapper() {}

    static Officer read(JsonNode root, FieldReader in) {
        JsonNode officer = in.object(root, "", KukarFields.PETUGAS, REQUIRED);
        if (officer == null) {
            return null;
        }
        String at = KukarFields.PETUGAS;
        String nip = in.text(officer, at, KukarFields.NIP, REQUIRED);
        if (nip != null && !IndonesianNumbers.isNip(nip)) {
            in.error(FieldReader.path(at, KukarFields.NIP), "expected a NIP of 18 digits");
            nip = null;
        }
        String name = in.text(officer, at, KukarFields.NAMA, REQUIRED);
        String phone = in.phone(officer, at, KukarFields.TELP, OPTIONAL);
        return new Officer(nip, name, phone);
    }

    /** The sending officer; empty when not to be shown. */
    static Optional<ObjectNode> write(Referral referral) {
        Officer officer = referral.officer();
        if (officer == null) {
            return Optional.empty();
        }
        ObjectNode json = JsonDocuments.object();
        JsonDocuments.putIfPresent(json, KukarFields.NAMA, officer.name());
        JsonDocuments.putIfPresent(json, KukarFields.NIP, officer.nip());
        if (officer.phone() != null) {
            json.put(KukarFields.TELP, IndonesianNumbers.toNational(officer.phone()));
        }
        return json.isEmpty() ? Optional.empty() : Optional.of(json);
    }
}
