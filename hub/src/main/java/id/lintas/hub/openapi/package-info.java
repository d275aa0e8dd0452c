/**
 * The OpenAPI 3.1 document of {@code /api/v1} at {@code /v3/api-docs}: generated from the controllers
 * by springdoc, completed here with the security schemes, the problem-details error model and the
 * request examples of {@code docs/examples/}.
 */
package id.lintas.hub.openapi;
