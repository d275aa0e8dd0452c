package id.lintas.hub.participant;

import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.contracts.spi.Transport;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a participant may be: an id that can name its queue, routes and folders; a region of the region
 * table; a format the hub has an adapter for; an endpoint only for a participant reached over HTTP, and
 * then an absolute http(s) URL without credentials; a time zone. Each error names its field.
 */
final class ParticipantRules {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final int MAX_ID = 40;
    static final int MAX_NAME = 200;
    static final int MAX_ENDPOINT = 2000;

    private ParticipantRules() {}

    /** A participant's values as given by a caller. */
    record Values(String name, String region, String format, String endpoint, String zone, String status) {}

    static List<FieldError> id(String id) {
        if (id == null || id.isBlank()) {
            return List.of(new FieldError("id", "required"));
        }
        if (id.length() > MAX_ID || !ID.matcher(id).matches()) {
            return List.of(
                    new FieldError(
                            "id",
                            "at most " + MAX_ID + " characters: lower-case letters, digits and single"
                                    + " hyphens, starting with a letter (it names the participant's queue, routes and folders)"));
        }
        return List.of();
    }

    static List<FieldError> values(Values values, AdapterRegistry adapters, RegionTable regions) {
        List<FieldError> errors = new ArrayList<>();
        if (values.name() == null || values.name().isBlank()) {
            errors.add(new FieldError("name", "required: the organisation's name"));
        } else if (values.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "at most " + MAX_NAME + " characters"));
        }
        if (values.region() == null || values.region().isBlank()) {
            errors.add(
                    new FieldError("region", "required: the Kemendagri code of the region it serves, dotted (64.02)"));
        } else if (regions.byKemendagri(values.region()).isEmpty()) {
            errors.add(new FieldError(
                    "region",
                    "'" + values.region() + "' is not a Kemendagri code of the region table"
                            + " (dotted, as 64.02; docs/region-codes.md)"));
        }
        Optional<RegionAdapter> adapter = adapters.forFormat(values.format());
        if (values.format() == null || values.format().isBlank()) {
            errors.add(new FieldError("format", "required: one of " + String.join(", ", adapters.formats())));
        } else if (adapter.isEmpty()) {
            errors.add(new FieldError(
                    "format",
                    "'" + values.format() + "' is not a format this hub has an adapter for: "
                            + String.join(", ", adapters.formats())));
        }
        if (values.endpoint() != null && !values.endpoint().isBlank()) {
            if (adapter.isPresent() && adapter.get().transport() == Transport.FILE) {
                errors.add(new FieldError(
                        "endpoint",
                        "a participant of format " + values.format() + " exchanges files in its"
                                + " folders under lintas.files.root; it has no endpoint"));
            } else {
                endpoint(values.endpoint()).ifPresent(reason -> errors.add(new FieldError("endpoint", reason)));
            }
        }
        if (values.zone() != null && !values.zone().isBlank()) {
            try {
                ZoneId.of(values.zone());
            } catch (DateTimeException e) {
                errors.add(new FieldError(
                        "zone",
                        "'" + values.zone() + "' is not a time zone id (Asia/Jakarta, Asia/Makassar,"
                                + " Asia/Jayapura)"));
            }
        }
        if (values.status() != null && status(values.status()).isEmpty()) {
            errors.add(new FieldError("status", "ACTIVE or SUSPENDED"));
        }
        return errors;
    }

    static Optional<ParticipantStatus> status(String status) {
        if (status == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ParticipantStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why a URL cannot be a participant's endpoint, if it cannot. */
    private static Optional<String> endpoint(String endpoint) {
        if (endpoint.length() > MAX_ENDPOINT) {
            return Optional.of("at most " + MAX_ENDPOINT + " characters");
        }
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("an absolute http or https URL (https://ppa.example.go.id/api)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("no user or password in the URL: it is shown and kept in the history");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("no fragment (#...) in the URL");
        }
        return Optional.empty();
    }
}
