package id.lintas.contracts.mapping;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.MessageReader;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.spi.Transport;
import java.util.Objects;

/**
 * The SPI side of an adapter for a region that sends one message per HTTP request: its format id,
 * whether its service list can carry a hub service, and its four translations, each a stateless
 * function: readings get the {@link Lookups}, renderings a fresh {@link RenderContext} for their
 * recipient. A format module extends this with its {@link Parts} and its own field names
 * ({@link #fieldName}).
 */
public abstract class MessageAdapter implements MessageReader {

    /** Reads one message of the format sent by {@code sender}. */
    @FunctionalInterface
    public interface Reading<T> {
        T read(byte[] body, Participant sender, Lookups lookups) throws TranslationException;
    }

    /** Renders one message in the format, with a fresh context for its recipient. */
    @FunctionalInterface
    public interface Rendering<T> {
        OutboundDocument render(T message, RenderContext out) throws TranslationException;
    }

    /** What a format module translates, each way. */
    public record Parts(
            Reading<CanonicalReferral> referrals,
            Reading<StatusChange> statuses,
            Rendering<OutboundReferral> referralDocuments,
            Rendering<StatusChange> statusDocuments) {
        public Parts {
            Objects.requireNonNull(referrals, "referrals");
            Objects.requireNonNull(statuses, "statuses");
            Objects.requireNonNull(referralDocuments, "referralDocuments");
            Objects.requireNonNull(statusDocuments, "statusDocuments");
        }
    }

    private final String format;
    private final Lookups lookups;
    private final String region;
    private final String serviceList;
    private final Parts parts;

    /**
     * Uses the terminology and region table shipped with the product.
     *
     * @param region the participant id under which the region's code lists are named in the ConceptMaps
     * @param serviceList the region's list of services, which {@link #carriesService} asks
     */
    protected MessageAdapter(String format, String region, String serviceList, Parts parts) {
        this.format = format;
        this.lookups = Lookups.standard();
        this.region = region;
        this.serviceList = serviceList;
        this.parts = parts;
    }

    @Override
    public final String format() {
        return format;
    }

    @Override
    public final Transport transport() {
        return Transport.HTTP;
    }

    @Override
    public final boolean carriesService(String code) {
        return lookups.terminology().expresses(region, serviceList, Canonical.CS_SERVICE, code);
    }

    @Override
    public final CanonicalReferral readReferral(byte[] body, Participant sender) throws TranslationException {
        return parts.referrals().read(body, sender, lookups);
    }

    @Override
    public final StatusChange readStatus(byte[] body, Participant sender) throws TranslationException {
        return parts.statuses().read(body, sender, lookups);
    }

    @Override
    public final OutboundDocument renderReferral(OutboundReferral referral, Participant receiver)
            throws TranslationException {
        return parts.referralDocuments().render(referral, context(receiver));
    }

    @Override
    public final OutboundDocument renderStatus(StatusChange change, Participant recipient) throws TranslationException {
        return parts.statusDocuments().render(change, context(recipient));
    }

    private RenderContext context(Participant recipient) {
        return new RenderContext(lookups.terminology(), lookups.regions(), region, recipient.zone());
    }
}
