/**
 * What the hub runs on: the embedded PostgreSQL and Artemis of the default run (data kept under
 * {@code lintas.data-dir}), the shared FHIR context, the features' refusals as problem details and the
 * size of their append-only tables. External services replace them by configuration. Uses no feature.
 */
package id.lintas.hub.platform;
