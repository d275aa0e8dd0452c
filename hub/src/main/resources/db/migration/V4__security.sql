-- Security (issue #5): who may call the hub.

-- A participant's keys serve one purpose each: SIGNING (its signers sign agreements) or CLIENT (its
-- system authenticates for tokens with private_key_jwt). A key registered for one is never accepted for the other.
alter table participant_key add column purpose text not null default 'SIGNING'
    check (purpose in ('SIGNING', 'CLIENT'));

-- People: local accounts of the embedded default (an external OpenID Connect provider in deployments).
-- Passwords are stored as delegating-encoder hashes ({bcrypt}...), never in clear. A signer's party is
-- the authority PARTY_<participant>.
create table users (
    username    text    primary key,
    password    text    not null,
    enabled     boolean not null,
    demo        boolean not null default false
);

create table authorities (
    username  text not null references users (username) on delete cascade,
    authority text not null,
    primary key (username, authority)
);

-- Spring Authorization Server's store of issued tokens (its schema, with the PostgreSQL types its
-- documentation asks for). Expired rows are purged by the hub.
CREATE TABLE oauth2_authorization (
    id varchar(100) NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorization_grant_type varchar(100) NOT NULL,
    authorized_scopes varchar(1000) DEFAULT NULL,
    attributes text DEFAULT NULL,
    state varchar(500) DEFAULT NULL,
    authorization_code_value text DEFAULT NULL,
    authorization_code_issued_at timestamptz DEFAULT NULL,
    authorization_code_expires_at timestamptz DEFAULT NULL,
    authorization_code_metadata text DEFAULT NULL,
    access_token_value text DEFAULT NULL,
    access_token_issued_at timestamptz DEFAULT NULL,
    access_token_expires_at timestamptz DEFAULT NULL,
    access_token_metadata text DEFAULT NULL,
    access_token_type varchar(100) DEFAULT NULL,
    access_token_scopes varchar(1000) DEFAULT NULL,
    oidc_id_token_value text DEFAULT NULL,
    oidc_id_token_issued_at timestamptz DEFAULT NULL,
    oidc_id_token_expires_at timestamptz DEFAULT NULL,
    oidc_id_token_metadata text DEFAULT NULL,
    refresh_token_value text DEFAULT NULL,
    refresh_token_issued_at timestamptz DEFAULT NULL,
    refresh_token_expires_at timestamptz DEFAULT NULL,
    refresh_token_metadata text DEFAULT NULL,
    user_code_value text DEFAULT NULL,
    user_code_issued_at timestamptz DEFAULT NULL,
    user_code_expires_at timestamptz DEFAULT NULL,
    user_code_metadata text DEFAULT NULL,
    device_code_value text DEFAULT NULL,
    device_code_issued_at timestamptz DEFAULT NULL,
    device_code_expires_at timestamptz DEFAULT NULL,
    device_code_metadata text DEFAULT NULL,
    PRIMARY KEY (id)
);

create index oauth2_authorization_expiry_idx on oauth2_authorization (access_token_expires_at);
