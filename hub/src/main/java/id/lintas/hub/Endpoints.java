package id.lintas.hub;

/** Every Camel endpoint URI the hub uses, in one place. */
public final class Endpoints {

    /** Translate, validate, record and route one referral sent over HTTP. */
    public static final String INGEST_REFERRAL = "direct:ingest-referral";

    /** Translate a status change sent over HTTP and apply it to its referral. */
    public static final String INGEST_STATUS = "direct:ingest-status";

    /** A FHIR message Bundle (a new referral or a status change) from a FHIR-speaking region. */
    public static final String INGEST_FHIR_MESSAGE = "direct:ingest-fhir-message";

    /** Publish recorded deliveries (their ids in the body) to the broker. */
    public static final String OUTBOX_PUBLISH = "direct:outbox-publish";

    public static final String DELIVERY_QUEUE_NAME = "lintas.delivery";
    public static final String DELIVERY_DLQ_NAME = "lintas.delivery.dlq";

    /** Durable queue of deliveries; consumed in a JMS transaction so a failure goes back to the broker. */
    public static final String DELIVERY_QUEUE = "jms:queue:" + DELIVERY_QUEUE_NAME;

    /**
     * The delivery service logs each failure itself; the listener's own log line carries no stack trace,
     * whose causes' messages a library may have filled with the document.
     */
    public static final String DELIVERY_CONSUMER = DELIVERY_QUEUE
            + "?transacted=true&concurrentConsumers={{lintas.delivery.consumers:2}}&errorHandlerLogStackTrace=false";

    /** Periodic relay of outbox rows whose publication after commit did not happen (crash, broker down). */
    public static final String OUTBOX_RELAY_TIMER = "timer:outbox-relay?period={{lintas.delivery.relay-interval:5000}}";

    /** The day folder dropped files are archived under (a {@code DateTimeFormatter} and Camel date pattern). */
    private static final String ARCHIVE_DAY = "yyyyMMdd";

    private Endpoints() {}

    /** Today's archive folder name, as the file route's move option will name it. */
    public static String archiveDay() {
        return java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern(ARCHIVE_DAY));
    }

    /** A FHIR transaction Bundle (JSON text in the body) to a region's FHIR server, through camel-fhir. */
    public static String fhirTransaction(String serverUrl) {
        return "fhir://transaction/withBundle?inBody=stringBundle&fhirVersion=R4&encoding=JSON&serverUrl=RAW(" + serverUrl + ")";
    }

    /** A FHIR message Bundle (a Bundle in the body) to a region's {@code $process-message}, through camel-fhir. */
    public static String fhirProcessMessage(String serverUrl) {
        return "fhir://operation/processMessage?inBody=msgBundle&asynchronous=false"
                + "&responseClass=org.hl7.fhir.r4.model.Bundle&fhirVersion=R4&encoding=JSON&serverUrl=RAW(" + serverUrl + ")";
    }

    /** The file-drop inbox of one participant, read once and archived. */
    public static String fileInbox(String root, String participantId, long pollMillis) {
        return "file:" + root + "/inbox/" + participantId
                + "?include=.*\\.(csv|CSV)"
                + "&readLock=changed&readLockMinAge=500"
                + "&move=../../archive/" + participantId + "/${date:now:" + ARCHIVE_DAY + "}/${file:name.noext}-${date:now:HHmmssSSS}.${file:ext}"
                + "&moveFailed=../../error/" + participantId + "/${file:name}"
                + "&delay=" + pollMillis;
    }
}
