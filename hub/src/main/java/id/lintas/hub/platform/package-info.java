/**
 * What the hub runs on: the embedded PostgreSQL and Artemis of the default run (data kept under
 * {@code lintas.data-dir}), and the shared FHIR context. External services replace them by configuration.
 */
package id.lintas.hub.platform;
