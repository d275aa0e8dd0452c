/**
 * Who is connected to the hub: participants as data (the {@code participant} table and its history, seeded
 * once from configuration), administered through {@code /api/v1/participants}, refreshed on every instance,
 * and the adapters of their formats.
 */
package id.lintas.hub.participant;
