/**
 * The {@code ppu-csv} adapter: PPU's CSV batch files to the canonical FHIR referral and back. Entry point
 * {@link id.lintas.adapter.ppu.PpuCsvAdapter}; one package-private mapper per canonical resource, code
 * lists translated by the {@code ppu-to-hub} and {@code hub-to-ppu} ConceptMaps.
 */
package id.lintas.adapter.ppu;
