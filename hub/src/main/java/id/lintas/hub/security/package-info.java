/**
 * Who is calling and what they may do: region systems authenticate as machines (OAuth 2.0 client
 * credentials with {@code private_key_jwt}, tokens issued by the embedded Spring Authorization
 * Server, or an external OpenID provider's), people log in with local accounts or an external
 * provider, and every API names the roles it admits. Failed authentications are throttled before any
 * password or signature is checked, and refusals are logged to the {@code lintas.security} logger
 * without victims' data. Participants' public keys (signing and client keys, their four-eyes approval
 * and trail) are kept here too ({@link id.lintas.hub.security.ParticipantKeys}). Threats and controls:
 * {@code docs/security.md}.
 */
package id.lintas.hub.security;
