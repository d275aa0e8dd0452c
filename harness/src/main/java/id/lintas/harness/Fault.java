package id.lintas.harness;

/** What the harness does to the hub and its surroundings at a random moment of the load. */
enum Fault {
    /** kill -9 of the hub's JVM; its embedded PostgreSQL is left running. Then a restart. */
    JVM_KILL("jvm-kill"),
    /** kill -9 of the JVM and all its PostgreSQL processes together. Then a restart. */
    FULL_KILL("jvm+db-kill"),
    /** A receiver (Kukar or Jakarta) answers 503 for a while. */
    RECEIVER_DOWN("receiver-503"),
    /** A receiver takes requests in and never answers for a while. */
    RECEIVER_HANG("receiver-hang"),
    /** The database's processes are stopped (SIGSTOP) for a while, then continued. */
    DB_FREEZE("db-freeze");

    private final String label;

    Fault(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean restarts() {
        return this == JVM_KILL || this == FULL_KILL;
    }
}
