/**
 * The hub's FHIR endpoint for regions that speak FHIR messaging: {@code $process-message} for their
 * message Bundles, {@code metadata} for the CapabilityStatement, and errors as OperationOutcome.
 */
package id.lintas.hub.fhir;
