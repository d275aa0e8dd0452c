/**
 * The adapter for Prabumulih's XML case format ("Satu Layanan", DP2KBPPPA Kota Prabumulih,
 * FORMAT.md version 2, namespace {@code urn:prabumulih:satulayanan:kasus:2}): reads its cases and
 * status changes into the canonical model and renders the canonical model back into its XML. Every
 * document is parsed with DOCTYPEs refused and checked against {@code xsd/prabumulih-kasus-2.xsd}
 * from {@code lintas-contracts}. One stateless mapper per canonical resource; the only public type
 * is {@link id.lintas.adapter.prabumulih.PrabumulihXmlAdapter}, found by the hub through the SPI.
 */
package id.lintas.adapter.prabumulih;
