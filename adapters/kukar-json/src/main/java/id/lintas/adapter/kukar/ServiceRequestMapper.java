package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Referral;
import java.util.List;
import java.util.Optional;

/** {@code layanan_diminta}: the services the typed referral requests. */
final class ServiceRequestMapper {

    private ServiceRequestMapper() {}

    static List<String> read(JsonNode root, FieldReader in) {
        return FieldReader.hubCodes(
                in.codes(root, "", KukarFields.LAYANAN_DIMINTA, KukarFields.LIST_LAYANAN, REQUIRED));
    }

    /** The requested services in order; empty when the receiver may see none. */
    static Optional<ArrayNode> write(Referral referral, RenderContext out) {
        if (referral.services().isEmpty()) {
            return Optional.empty();
        }
        ArrayNode services = JsonDocuments.MAPPER.createArrayNode();
        out.codes(
                        KukarFields.LIST_LAYANAN,
                        Canonical.CS_SERVICE,
                        referral.services(),
                        i -> FieldReader.index(KukarFields.LAYANAN_DIMINTA, i))
                .forEach(services::add);
        return Optional.of(services);
    }
}
