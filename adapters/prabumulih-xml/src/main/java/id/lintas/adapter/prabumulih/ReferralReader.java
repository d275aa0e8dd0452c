package id.lintas.adapter.prabumulih;

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
import org.w3c.dom.Element;

/**
 * Prabumulih {@code <kasus>} XML to the typed referral, in three steps: the hardened parse, the
 * schema, then every part read and translated with all errors collected. The canonical Bundle is
 * written only for a document that has none.
 */
final class ReferralReader implements ReferralParts<Element, FieldReader> {

    private static final ReferralReader PARTS = new ReferralReader();

    private ReferralReader() {}

    static CanonicalReferral read(byte[] body, Participant sender, Lookups lookups) throws TranslationException {
        return PARTS.read(XmlDocuments.parseValid(body, PrabumulihFields.KASUS), new FieldReader(lookups), sender);
    }

    @Override
    public Referral.Builder header(Element root, FieldReader in, Participant sender) {
        return TaskMapper.read(root, in, sender);
    }

    @Override
    public List<Victim> victims(Element root, FieldReader in) {
        List<Victim> victims = new ArrayList<>();
        List<Element> clients = FieldReader.children(root, PrabumulihFields.KLIEN);
        String at = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KLIEN);
        for (int i = 0; i < clients.size(); i++) {
            victims.add(VictimMapper.read(clients.get(i), FieldReader.index(at, i), in));
        }
        return victims;
    }

    @Override
    public List<Perpetrator> perpetrators(Element root, FieldReader in) {
        List<Perpetrator> perpetrators = new ArrayList<>();
        List<Element> reported = FieldReader.children(root, PrabumulihFields.TERLAPOR);
        String at = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.TERLAPOR);
        for (int i = 0; i < reported.size(); i++) {
            perpetrators.add(PerpetratorMapper.read(reported.get(i), FieldReader.index(at, i), in));
        }
        return perpetrators;
    }

    @Override
    public void incident(Element root, FieldReader in, Referral.Builder referral) {
        ViolenceMapper.read(root, in, referral);
    }

    @Override
    public List<String> services(Element root, FieldReader in) {
        return ServiceRequestMapper.read(root, in);
    }

    @Override
    public Consent consent(Element root, FieldReader in) {
        return ConsentMapper.read(root, in);
    }

    @Override
    public Officer officer(Element root, FieldReader in) {
        return OfficerMapper.read(root, in);
    }
}
