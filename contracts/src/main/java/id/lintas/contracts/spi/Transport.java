package id.lintas.contracts.spi;

/** How a region exchanges messages with the hub. */
public enum Transport {
    /** The region pushes to the hub's HTTP API and receives on an HTTP endpoint of its own. */
    HTTP,
    /** The region drops files into an inbox folder and reads files from an outbox folder. */
    FILE,
    /**
     * The region sends FHIR message Bundles to the hub's FHIR endpoint and receives on a FHIR server
     * of its own: an {@link OutboundDocument} with target {@code ""} is a transaction Bundle for the
     * server's base, {@code "/$process-message"} a message Bundle for that operation.
     */
    FHIR
}
