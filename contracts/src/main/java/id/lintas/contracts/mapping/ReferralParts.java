package id.lintas.contracts.mapping;

import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.Officer;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import java.util.List;

/**
 * The common reader skeleton: the parts of a referral as a format holds them, each read by the
 * format's mappers into the typed model with its errors collected in the field reader. {@link #read}
 * reads them in this order (so errors are reported in the order of the message), refuses the message
 * once if anything was wrong, and else completes and writes the canonical referral.
 *
 * @param <D> the parsed document (a JSON object, an XML element)
 * @param <R> the format's field reader
 */
public interface ReferralParts<D, R extends FieldReading> {

    /** The referral's own fields: case number, revision, kind, times, channel, urgency, destination. */
    Referral.Builder header(D document, R in, Participant sender);

    List<Victim> victims(D document, R in);

    List<Perpetrator> perpetrators(D document, R in);

    /** The incident and the chronology. */
    void incident(D document, R in, Referral.Builder referral);

    List<String> services(D document, R in);

    /** The consent, which in these formats holds for every victim of the referral. */
    Consent consent(D document, R in);

    Officer officer(D document, R in);

    /** Reads every part, then refuses the message with all errors or writes the canonical referral. */
    default CanonicalReferral read(D document, R in, Participant sender) throws TranslationException {
        Referral.Builder referral = header(document, in, sender);
        List<Victim> victims = victims(document, in);
        referral.perpetrators(perpetrators(document, in));
        incident(document, in, referral);
        referral.services(services(document, in));
        Consent consent = consent(document, in);
        referral.officer(officer(document, in));
        return in.referral(
                referral.victims(
                        victims.stream().map(v -> v.withConsent(consent)).toList()),
                sender);
    }
}
