/**
 * Receiving: the HTTP API and the file drops. Every message is kept as received; a message the hub
 * cannot accept is answered with the field and the reason (problem details, or a receipt file).
 */
package id.lintas.hub.ingest;
