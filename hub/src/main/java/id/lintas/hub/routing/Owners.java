package id.lintas.hub.routing;

import id.lintas.contracts.canonical.CanonicalWriter;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.spi.Participant;
import org.hl7.fhir.r4.model.Bundle;

/** Writes the routing decision into the canonical referral: the receiver becomes the Task's owner. */
public final class Owners {

    private Owners() {}

    public static void assign(Bundle bundle, Participant receiver) {
        CanonicalWriter.standard().assignDestination(bundle, Party.of(receiver));
    }
}
