-- Credentials with which the WMS calls the connector's API (/api/v1). The secret itself is never stored: only its
-- HMAC-SHA256 under the server's pepper (see docs/wms-api.md). Credentials are revoked, never deleted, so the
-- admin page and the activity log keep saying who created and revoked which key.

create table api_credential (
    id           bigserial    primary key,
    key_id       varchar(32)  not null,
    name         varchar(100) not null,
    secret_hash  bytea        not null,
    created_at   timestamptz  not null,
    created_by   varchar(255) not null,
    revoked_at   timestamptz,
    revoked_by   varchar(255),
    last_used_at timestamptz,
    constraint api_credential_key_id_unique unique (key_id),
    constraint api_credential_key_id_format check (key_id ~ '^[a-z0-9]{16}$'),
    constraint api_credential_name_present check (length(trim(name)) > 0),
    constraint api_credential_hash_length check (octet_length(secret_hash) = 32),
    constraint api_credential_revocation_recorded check ((revoked_at is null) = (revoked_by is null))
);
