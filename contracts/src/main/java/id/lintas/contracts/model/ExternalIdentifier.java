package id.lintas.contracts.model;

import java.util.Objects;

/**
 * Another identifier a sender gives its referral besides its case number: Prabumulih's message
 * uuid ({@code urn:ietf:rfc:3986}), Jakarta's own case identifier.
 *
 * @param system the identifier's system URI
 * @param value its value
 */
public record ExternalIdentifier(String system, String value) {
    public ExternalIdentifier {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(value, "value");
    }
}
