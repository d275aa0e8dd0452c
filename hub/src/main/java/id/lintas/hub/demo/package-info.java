/**
 * The demo profile: regions with no endpoint configured are simulated by WireMock servers, so a
 * newcomer sees deliveries both ways without any regional system; what they received can be read.
 */
package id.lintas.hub.demo;
