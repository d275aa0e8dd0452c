-- Security round 2 (issue #13): the hub's access tokens are self-contained JWTs, checked by signature,
-- issuer and expiry; nothing reads them back (no introspection, no revocation endpoint), so none is
-- kept. Spring Authorization Server's table held every token in clear and was never purged.
drop table oauth2_authorization;
