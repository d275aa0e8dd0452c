package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import id.lintas.contracts.mapping.Lookups;
import id.lintas.contracts.mapping.ReferralParts;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.Officer;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Kukar referral JSON to the typed referral, part by part in the order of FORMAT.md; the canonical
 * Bundle is written only for a message without errors.
 */
final class ReferralReader implements ReferralParts<JsonNode, FieldReader> {

    private static final ReferralReader PARTS = new ReferralReader();

    private ReferralReader() {}

    static CanonicalReferral read(byte[] body, Participant sender, Lookups lookups) throws TranslationException {
        return PARTS.read(KukarJson.parseObject(body), new FieldReader(lookups), sender);
    }

    @Override
    public Referral.Builder header(JsonNode root, FieldReader in, Participant sender) {
        return TaskMapper.read(root, in, sender);
    }

    @Override
    public List<Victim> victims(JsonNode root, FieldReader in) {
        List<Victim> victims = new ArrayList<>();
        List<JsonNode> nodes = in.objects(root, "", KukarFields.KORBAN, REQUIRED);
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) != null) {
                victims.add(VictimMapper.read(nodes.get(i), FieldReader.index(KukarFields.KORBAN, i), in));
            }
        }
        return victims;
    }

    @Override
    public List<Perpetrator> perpetrators(JsonNode root, FieldReader in) {
        List<Perpetrator> perpetrators = new ArrayList<>();
        List<JsonNode> nodes = in.objects(root, "", KukarFields.PELAKU, OPTIONAL);
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) != null) {
                perpetrators.add(PerpetratorMapper.read(nodes.get(i), FieldReader.index(KukarFields.PELAKU, i), in));
            }
        }
        return perpetrators;
    }

    @Override
    public void incident(JsonNode root, FieldReader in, Referral.Builder referral) {
        ViolenceMapper.read(root, in, referral);
    }

    @Override
    public List<String> services(JsonNode root, FieldReader in) {
        return ServiceRequestMapper.read(root, in);
    }

    @Override
    public Consent consent(JsonNode root, FieldReader in) {
        return ConsentMapper.read(root, in);
    }

    @Override
    public Officer officer(JsonNode root, FieldReader in) {
        return OfficerMapper.read(root, in);
    }
}
