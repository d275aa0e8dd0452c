package id.lintas.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.CompactJson;
import id.lintas.hub.ingest.ReferralIntake;
import id.lintas.hub.lifecycle.StatusService;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The answer to $process-message is written by CompactJson, byte for byte as HAPI's parser writes it. */
class ProcessMessageResponseTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final UUID ID = UUID.fromString("6f1c0a52-0d7e-4d0b-9a57-3f0f7f3b2c11");

    static Stream<Object> results() {
        return Stream.of(
                new ReferralIntake.Result(ID, "REQUESTED", List.of("ppu"), null, null, false, List.of()),
                new ReferralIntake.Result(
                        ID, "REFUSED", List.of(), "no agreement covers this referral", null, false, List.of()),
                new ReferralIntake.Result(
                        ID, "REQUESTED", List.of("ppu"), null, "service PEMULANGAN is not covered", false, List.of()),
                new StatusService.Result(ID, "ACCEPTED", true, List.of()),
                new StatusService.Result(ID, "COMPLETED", false, List.of()));
    }

    @ParameterizedTest
    @MethodSource("results")
    void isWrittenAsHapiWritesIt(Object result) {
        Bundle response = FhirController.response(result);

        String compact = new CompactJson(FHIR).write(response);

        assertThat(compact).isNotNull().isEqualTo(FHIR.newJsonParser().encodeResourceToString(response));
        assertThat(compact).contains(ID.toString()).contains("\"type\":\"message\"");
    }
}
