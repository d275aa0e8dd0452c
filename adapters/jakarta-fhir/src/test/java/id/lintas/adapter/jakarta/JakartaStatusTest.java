package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.InboundMessage;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Jakarta's status-rujukan messages, read and rendered. */
class JakartaStatusTest {

    @Test
    void theStatusSampleReadsAsAccepted() throws Exception {
        InboundMessage message = JakartaSamples.read(JakartaSamples.STATUS_ACCEPTED);

        assertThat(message).isInstanceOf(StatusChange.class);
        StatusChange change = (StatusChange) message;
        assertThat(change.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(change.hubReferralId()).isEqualTo("(the hub's referral id)");
        assertThat(change.sourceReference()).isNull();
        assertThat(change.at()).isEqualTo(Instant.parse("2025-08-12T00:58:00Z"));
        assertThat(change.note()).isEqualTo("Korban diterima; asesmen psikolog 13/08.");
    }

    @Test
    void aRejectionCarriesItsReasonFromStatusReason() throws Exception {
        String json = JakartaSamples.withReplaced(
                JakartaSamples.STATUS_ACCEPTED,
                "\"status\": \"accepted\",",
                "\"status\": \"rejected\", \"statusReason\": {\"text\": \"Di luar wilayah layanan\"},");

        StatusChange change = (StatusChange) JakartaSamples.readText(json);

        assertThat(change.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(change.note()).isEqualTo("Di luar wilayah layanan");
    }

    @Test
    void aRejectionWithoutAReasonIsRefused() {
        String json = JakartaSamples.withReplaced(
                JakartaSamples.STATUS_ACCEPTED, "\"status\": \"accepted\",", "\"status\": \"rejected\",");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Task.statusReason.text");
    }

    @Test
    void aStatusThatIsNoDecisionIsRefusedOnTaskStatus() {
        String json = JakartaSamples.withReplaced(
                JakartaSamples.STATUS_ACCEPTED, "\"status\": \"accepted\",", "\"status\": \"in-progress\",");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Task.status");
    }

    @Test
    void aStatusWithoutTheHubsReferralIdIsRefusedOnTaskIdentifier() {
        String json = JakartaSamples.withReplaced(JakartaSamples.STATUS_ACCEPTED, "urn:lintas:referral", "urn:other");

        TranslationException e = JakartaSamples.refused(json);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Task.identifier");
    }

    @Test
    void renderStatusIsAMessageForProcessMessageWithTheStatusEvent() throws Exception {
        StatusChange change = new StatusChange(
                "ref-123",
                "JKT/UPTD/2025/1187",
                ReferralStatus.COMPLETED,
                "Selesai",
                Instant.parse("2025-08-20T03:00:00Z"));

        OutboundDocument document = JakartaSamples.ADAPTER.renderStatus(change, JakartaSamples.JAKARTA);

        assertThat(document.target()).isEqualTo("/$process-message");
        assertThat(document.mediaType()).isEqualTo("application/fhir+json");
        Bundle bundle = JakartaSamples.parse(document.content());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        Coding event = (Coding) header.getEvent();
        assertThat(event.getSystem()).isEqualTo("https://uptdppa.jakarta.go.id/fhir/CodeSystem/event");
        assertThat(event.getCode()).isEqualTo("status-rujukan");
        Task task = (Task) bundle.getEntry().get(1).getResource();
        assertThat(header.getFocusFirstRep().getReference())
                .isEqualTo(bundle.getEntry().get(1).getFullUrl());
        assertThat(task.getIdentifier())
                .extracting(i -> i.getSystem() + "|" + i.getValue())
                .containsExactly(
                        "urn:lintas:referral|ref-123",
                        "https://uptdppa.jakarta.go.id/fhir/id/kasus|JKT/UPTD/2025/1187");
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
        assertThat(task.getLastModifiedElement().getValueAsString()).isEqualTo("2025-08-20T10:00:00+07:00");
    }

    @Test
    void aRenderedRejectionCarriesTheReasonInStatusReason() throws Exception {
        StatusChange change = new StatusChange(
                "ref-9",
                null,
                ReferralStatus.REJECTED,
                "Kuota rumah aman penuh",
                Instant.parse("2025-08-20T03:00:00Z"));

        Task task = (Task) JakartaSamples.parse(JakartaSamples.ADAPTER
                        .renderStatus(change, JakartaSamples.JAKARTA)
                        .content())
                .getEntry()
                .get(1)
                .getResource();

        assertThat(task.getStatusReason().getText()).isEqualTo("Kuota rumah aman penuh");
        assertThat(task.getIdentifier()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = ReferralStatus.class,
            names = {"ACCEPTED", "REJECTED", "COMPLETED", "CANCELLED"})
    void renderStatusRoundTripsThroughReadMessage(ReferralStatus status) throws Exception {
        StatusChange change = new StatusChange(
                "ref-42", "JKT/UPTD/2025/1187", status, "Catatan petugas", Instant.parse("2025-08-12T00:58:00.250Z"));

        OutboundDocument document = JakartaSamples.ADAPTER.renderStatus(change, JakartaSamples.KUKAR);
        InboundMessage again = JakartaSamples.ADAPTER.readMessage(document.content(), JakartaSamples.JAKARTA);

        assertThat(again).isEqualTo(change);
    }

    @Test
    void aRequestedStatusHasNoJakartaMessage() {
        StatusChange change = new StatusChange("ref-1", null, ReferralStatus.REQUESTED, null, Instant.now());

        TranslationException e = catchThrowableOfType(
                TranslationException.class, () -> JakartaSamples.ADAPTER.renderStatus(change, JakartaSamples.JAKARTA));

        assertThat(e).isNotNull();
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Task.status");
    }
}
