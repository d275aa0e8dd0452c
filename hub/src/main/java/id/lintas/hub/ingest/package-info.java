/**
 * Receiving: the HTTP API, the FHIR endpoint's messages and the file drops, all through one
 * {@link id.lintas.hub.ingest.Intake}. Every message is kept as received; a message the hub cannot
 * accept is answered with the sender's own field and the reason (problem details, or a receipt file).
 */
package id.lintas.hub.ingest;
