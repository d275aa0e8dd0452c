package id.lintas.hub;

/** Every Camel endpoint URI the hub uses, in one place. */
public final class Endpoints {

    /** The steps of a FHIR message after it was kept: translate, then record a referral or apply a status. */
    public static final String INGEST_FHIR_MESSAGE_STEPS = "direct:ingest-fhir-message-steps";

    /** A kept message taken up again after its request died (kind, participant and inbound id in headers). */
    public static final String INGEST_REDRIVE = "direct:ingest-redrive";

    /** Periodic sweep of inbound messages left RECEIVED by a request that died. */
    public static final String INGEST_SWEEP_TIMER =
            "timer:ingest-sweep?period={{lintas.delivery.sweep-interval:30000}}";

    /** The shared delivery queue of hubs before 0.2: drained into the receivers' own queues after an upgrade. */
    public static final String DELIVERY_QUEUE_NAME = "lintas.delivery";

    public static final String DELIVERY_DLQ_NAME = "lintas.delivery.dlq";

    /** Each receiver has a durable queue of its own, so a slow or dead receiver delays only itself. */
    public static final String RECEIVER_QUEUE_PREFIX = "lintas.delivery.to.";

    /** The address-settings match of every receiver's queue (redelivery, backoff, dead letters). */
    public static final String RECEIVER_QUEUES_MATCH = RECEIVER_QUEUE_PREFIX + "#";

    /**
     * The delivery service logs each failure itself; the listener's own log line carries no stack trace,
     * whose causes' messages a library may have filled with the document.
     */
    private static final String QUIET_FAILURES = "&errorHandlerLogStackTrace=false";

    public static final String LEGACY_DELIVERY_CONSUMER =
            "jms:queue:" + DELIVERY_QUEUE_NAME + "?transacted=true" + QUIET_FAILURES;

    /** What the broker gave up on: the hub records each as DEAD (if it had not already). */
    public static final String DELIVERY_DLQ_CONSUMER =
            "jms:queue:" + DELIVERY_DLQ_NAME + "?transacted=true" + QUIET_FAILURES;

    /** Periodic relay of outbox rows whose publication after commit did not happen (crash, broker down). */
    public static final String OUTBOX_RELAY_TIMER = "timer:outbox-relay?period={{lintas.delivery.relay-interval:5000}}";

    /** Periodic sweep of deliveries and inbound messages stuck after a crash or a lost message. */
    public static final String SWEEP_TIMER = "timer:sweep?period={{lintas.delivery.sweep-interval:30000}}";

    /** The audit sequencer: moves committed audit entries into the log and signs a checkpoint when it grew. */
    public static final String AUDIT_SEAL_TIMER = "timer:audit-seal?period={{lintas.audit.seal-interval:2000}}";

    /** One receiver's queue, to send to. */
    public static String receiverQueue(String receiverId) {
        return "jms:queue:" + RECEIVER_QUEUE_PREFIX + receiverId;
    }

    /**
     * One receiver's queue, consumed in a JMS transaction so a failure goes back to the broker, by as
     * many consumers as that receiver is given.
     */
    public static String receiverConsumer(String receiverId, int consumers) {
        return receiverQueue(receiverId) + "?transacted=true&concurrentConsumers=" + consumers + QUIET_FAILURES;
    }

    /** The day folder dropped files are archived under (a {@code DateTimeFormatter} and Camel date pattern). */
    private static final String ARCHIVE_DAY = "yyyyMMdd";

    private Endpoints() {}

    /** Today's archive folder name, as the file route's move option will name it. */
    public static String archiveDay() {
        return java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern(ARCHIVE_DAY));
    }

    /** A FHIR transaction Bundle (JSON text in the body) to a region's FHIR server, through camel-fhir. */
    public static String fhirTransaction(String serverUrl) {
        return "fhir://transaction/withBundle?inBody=stringBundle&fhirVersion=R4&encoding=JSON&serverUrl=RAW("
                + serverUrl + ")";
    }

    /** A FHIR message Bundle (a Bundle in the body) to a region's {@code $process-message}, through camel-fhir. */
    public static String fhirProcessMessage(String serverUrl) {
        return "fhir://operation/processMessage?inBody=msgBundle&asynchronous=false"
                + "&responseClass=org.hl7.fhir.r4.model.Bundle&fhirVersion=R4&encoding=JSON&serverUrl=RAW(" + serverUrl
                + ")";
    }

    /** The file-drop inbox of one participant, read once and archived. */
    public static String fileInbox(String root, String participantId, long pollMillis) {
        return "file:" + root + "/inbox/" + participantId
                + "?include=.*\\.(csv|CSV)"
                + "&readLock=changed&readLockMinAge=500"
                + "&move=../../archive/" + participantId + "/${date:now:" + ARCHIVE_DAY
                + "}/${file:name.noext}-${date:now:HHmmssSSS}.${file:ext}"
                + "&moveFailed=../../error/" + participantId + "/${file:name}"
                + "&delay=" + pollMillis;
    }
}
