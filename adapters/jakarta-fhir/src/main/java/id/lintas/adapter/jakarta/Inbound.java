package id.lintas.adapter.jakarta;

import id.lintas.contracts.spi.Participant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/** One Jakarta message being read: its Bundle, its focus Task, the sender, and the errors found so far. */
record Inbound(Bundle bundle, Task task, Participant sender, Errors errors) {

    Inbound(MessageParser.Message message, Participant sender) {
        this(message.bundle(), message.task(), sender, new Errors());
    }

    <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type) {
        return References.resolve(bundle, reference, type);
    }
}
