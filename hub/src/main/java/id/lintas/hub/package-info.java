/**
 * The Lintas hub. One package per feature: {@code participant} (who is connected), {@code ingest}
 * (receiving), {@code routing} (where a referral goes), {@code delivery} (reliable sending),
 * {@code lifecycle} (status changes), {@code referral} (the record), {@code platform} (embedded
 * database and broker), {@code demo} (simulated regions).
 */
package id.lintas.hub;
