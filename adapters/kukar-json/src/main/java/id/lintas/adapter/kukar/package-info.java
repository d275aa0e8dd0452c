/**
 * The adapter for Kukar's JSON referral format (DP3A Kabupaten Kutai Kartanegara, FORMAT.md
 * version 1): reads its referrals and status updates into the canonical model and renders the
 * canonical model back into its JSON. One stateless mapper per canonical resource; the only public
 * type is {@link id.lintas.adapter.kukar.KukarJsonAdapter}, found by the hub through the SPI.
 */
package id.lintas.adapter.kukar;
