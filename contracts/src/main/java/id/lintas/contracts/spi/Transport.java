package id.lintas.contracts.spi;

/** How a region exchanges messages with the hub. */
public enum Transport {
    /** The region pushes to the hub's HTTP API and receives on an HTTP endpoint of its own. */
    HTTP,
    /** The region drops files into an inbox folder and reads files from an outbox folder. */
    FILE
}
