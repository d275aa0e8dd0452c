package id.lintas.contracts.spi;

import java.util.Optional;

/**
 * The adapter SPI: everything the hub needs from a region's format, and nothing else.
 *
 * <p>An adapter is plain Java (no Spring, no Camel), stateless and thread-safe. It is found by
 * {@link java.util.ServiceLoader}: a new region is a new module with a
 * {@code META-INF/services/id.lintas.contracts.spi.RegionAdapter} file, added to the hub's
 * dependencies. Field errors name the region's own field, so the region's staff can act on them.
 */
public interface RegionAdapter {

    /** The format id that participants name in configuration ({@code kukar-json}). */
    String format();

    Transport transport();

    /**
     * Whether a receiver of this format can be asked for the hub's service {@code code} (CodeSystem
     * {@code service}): its list has an equivalent. The hub refuses an agreement that names such a
     * receiver as the provider of a service its format cannot carry.
     */
    boolean carriesService(String code);

    /** Renders a referral for a receiver of this format. */
    OutboundDocument renderReferral(OutboundReferral referral, Participant receiver) throws TranslationException;

    /** Renders a status change for a participant of this format (sender or receiver of the referral). */
    OutboundDocument renderStatus(StatusChange change, Participant recipient) throws TranslationException;

    /**
     * The region's own path for a canonical element a hub-wide check refused, so the sender is told in
     * the words of its format ({@code korban[0].tgl_lahir}, {@code Tgl Lahir Korban}).
     *
     * @param victim the victim's position in the referral (0 = first) for a victim's field, else -1
     * @return the region's field path, or null to name the canonical element instead
     */
    default String fieldName(CanonicalField field, int victim) {
        return null;
    }

    /**
     * The region's names of the fields the hub checks itself (revision, hub referral id, status), for the
     * hub's refusals. A format without such fields keeps the canonical names.
     */
    default IntakeFields intakeFields() {
        return IntakeFields.CANONICAL;
    }

    /** This adapter as a reader of one message per request, when its region sends so. */
    default Optional<MessageReader> messageReader() {
        return Optional.empty();
    }

    /** This adapter as a reader of FHIR message Bundles, when its region speaks FHIR messaging. */
    default Optional<FhirMessageReader> fhirMessageReader() {
        return Optional.empty();
    }

    /** This adapter as a reader of batch files, when its region exchanges files. */
    default Optional<FileBatchReader> fileBatchReader() {
        return Optional.empty();
    }
}
