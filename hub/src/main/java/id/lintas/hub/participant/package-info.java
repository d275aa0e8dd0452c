/** Who is connected to the hub: participants from configuration and the adapters of their formats. */
package id.lintas.hub.participant;
