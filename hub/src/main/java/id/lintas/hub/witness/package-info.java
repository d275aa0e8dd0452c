/**
 * What a region's system runs on a schedule to witness the hub's audit log (docs/audit.md, "Witnessing"):
 * the command {@code audit witness} of the hub's jar fetches the latest checkpoint with the region's client
 * credentials, checks it extends the one it saw last, cosigns it and posts the cosignature. It runs without
 * the hub's Spring context, as the offline verifier does.
 */
package id.lintas.hub.witness;
