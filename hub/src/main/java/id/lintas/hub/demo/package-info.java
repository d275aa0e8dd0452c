/**
 * The demo profile: regions with no endpoint configured are simulated by small HTTP servers of the
 * JDK's own on 127.0.0.1, so a newcomer sees deliveries both ways without any regional system; what
 * they received can be read. Nothing here is a test server: the production jar carries no WireMock.
 */
package id.lintas.hub.demo;
