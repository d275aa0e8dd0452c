package id.lintas.contracts.spi;

import java.util.Objects;

/**
 * A document rendered in a region's own format, ready for its transport.
 *
 * @param target where it goes, relative to the participant's endpoint: an HTTP path
 *     ({@code /api/rujukan-masuk}) or a file name ({@code RUJUKAN_MASUK_x.csv})
 * @param mediaType its content type
 * @param content its bytes
 */
public record OutboundDocument(String target, String mediaType, byte[] content) {
    public OutboundDocument {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }
}
