package id.lintas.contracts.mapping;

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
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The common reader skeleton: how a format reads each part of a referral into the typed model (its
 * mappers, with their errors collected in the field reader). {@link #read} reads the parts in this
 * order (so errors are reported in the order of the message), refuses the message once if anything was
 * wrong, and else completes and writes the canonical referral. A format gives its mappers, usually as
 * method references, and its parser ({@link #reading}).
 *
 * @param <D> the parsed document (a JSON object, an XML element)
 * @param <R> the format's field reader
 * @param header the referral's own fields: case number, revision, kind, times, channel, urgency, destination
 * @param incident the incident and the chronology
 * @param consent the consent, which in these formats holds for every victim of the referral
 */
public record ReferralParts<D, R extends FieldReading>(
        Header<D, R> header,
        Part<D, R, List<Victim>> victims,
        Part<D, R, List<Perpetrator>> perpetrators,
        Incident<D, R> incident,
        Part<D, R, List<String>> services,
        Part<D, R, Consent> consent,
        Part<D, R, Officer> officer) {

    /** Reads one part of the document. */
    @FunctionalInterface
    public interface Part<D, R, T> {
        T read(D document, R in);
    }

    /** Reads the referral's own fields into a new builder. */
    @FunctionalInterface
    public interface Header<D, R> {
        Referral.Builder read(D document, R in, Participant sender);
    }

    /** Reads the incident into the referral. */
    @FunctionalInterface
    public interface Incident<D, R> {
        void read(D document, R in, Referral.Builder referral);
    }

    /** Reads one item of a repeated part (a victim, a perpetrator) at its path in the message. */
    @FunctionalInterface
    public interface Item<N, R, T> {
        T read(N item, String at, R in);
    }

    /**
     * Each item of a repeated part read by its mapper, at the path {@code at} gives its position (from
     * 0); an item the reader could not take (null, its error recorded) is left out.
     */
    public static <N, R, T> List<T> each(R in, List<N> items, IntFunction<String> at, Item<N, R, T> mapper) {
        List<T> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                read.add(mapper.read(items.get(i), at.apply(i), in));
            }
        }
        return read;
    }

    /** Parses a message body into the format's document, or refuses it naming the field. */
    @FunctionalInterface
    public interface Parser<D> {
        D parse(byte[] body) throws TranslationException;
    }

    /**
     * The format's reading of a referral as {@link MessageAdapter.Parts} takes it: parse the body, then
     * read every part with a new field reader (a field reader serves one message).
     */
    public MessageAdapter.Reading<CanonicalReferral> reading(Parser<D> parser, Function<Lookups, R> fieldReader) {
        return (body, sender, lookups) -> read(parser.parse(body), fieldReader.apply(lookups), sender);
    }

    /** Reads every part, then refuses the message with all errors or writes the canonical referral. */
    public CanonicalReferral read(D document, R in, Participant sender) throws TranslationException {
        Referral.Builder referral = header.read(document, in, sender);
        List<Victim> read = victims.read(document, in);
        referral.perpetrators(perpetrators.read(document, in));
        incident.read(document, in, referral);
        referral.services(services.read(document, in));
        Consent given = consent.read(document, in);
        referral.officer(officer.read(document, in));
        return in.referral(
                referral.victims(read.stream().map(v -> v.withConsent(given)).toList()), sender);
    }
}
