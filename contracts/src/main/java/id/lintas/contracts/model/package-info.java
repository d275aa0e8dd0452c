/**
 * The typed canonical referral: plain, immutable records with the hub's own codes, free of FHIR.
 * Adapters map their region's format to and from it; the hub's routing, minimisation and lifecycle
 * read it. {@link id.lintas.contracts.canonical.CanonicalWriter} and
 * {@link id.lintas.contracts.canonical.CanonicalReader} are the one way to and from the canonical
 * FHIR Bundle, which stays the stored and exchanged form (see docs/canonical-model.md).
 */
package id.lintas.contracts.model;
