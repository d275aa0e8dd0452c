package id.lintas.hub.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One agreement version as the API shows it: its state, who signed, and the document itself.
 *
 * @param documentSha256 SHA-256 of the canonical form that parties sign
 * @param parties each party with its signature, if any
 */
public record AgreementView(
        String id,
        int version,
        String title,
        AgreementStatus status,
        String statusReason,
        LocalDate validFrom,
        LocalDate validUntil,
        LocalDate terminatedFrom,
        String documentSha256,
        Instant createdAt,
        String createdBy,
        Instant activatedAt,
        List<PartySignature> parties,
        JsonNode document) {

    /**
     * @param signed whether this party's signature is recorded (it verified when it was added)
     * @param kid the key it was made with
     */
    public record PartySignature(String participant, String region, boolean signed, String kid, Instant signedAt) {}

    static AgreementView of(
            AgreementRepository.VersionRow row,
            AgreementDocument document,
            List<AgreementRepository.SignatureRow> signatures,
            ObjectMapper json) {
        List<PartySignature> parties = document.parties().stream()
                .map(p -> signatures.stream()
                        .filter(s -> s.participantId().equals(p.participant()))
                        .findFirst()
                        .map(s -> new PartySignature(p.participant(), p.region(), true, s.kid(), s.signedAt()))
                        .orElse(new PartySignature(p.participant(), p.region(), false, null, null)))
                .toList();
        try {
            return new AgreementView(
                    row.agreementId(),
                    row.version(),
                    document.title(),
                    row.status(),
                    row.statusReason(),
                    row.validFrom(),
                    row.validUntil(),
                    row.terminatedFrom(),
                    row.documentSha256(),
                    row.createdAt(),
                    row.createdBy(),
                    row.activatedAt(),
                    parties,
                    json.readTree(row.document()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether it routes referrals dated {@code date} (as far as status and dates go). */
    public boolean inForceOn(LocalDate date) {
        boolean running = status == AgreementStatus.ACTIVE
                || (status == AgreementStatus.TERMINATED && terminatedFrom != null && date.isBefore(terminatedFrom));
        return running && !date.isBefore(validFrom) && !date.isAfter(validUntil);
    }
}
