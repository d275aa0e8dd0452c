/**
 * Adapter for the {@code jakarta-fhir} format: DKI Jakarta UPTD PPA's FHIR R4 messaging, with
 * SATUSEHAT identifiers and addresses and Jakarta's own code systems (FORMAT.md version 1).
 */
package id.lintas.adapter.jakarta;
