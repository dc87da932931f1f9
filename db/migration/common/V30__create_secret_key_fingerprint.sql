-- A fingerprint of the secret key the stored secrets are encrypted with (a SHA-256 of a
-- value derived from the key, never the key): start-up refuses another key while
-- encrypted secrets exist.
create table secret_key_fingerprint (
	id integer primary key,
	fingerprint varchar(64) not null,
	recorded_at timestamp with time zone not null,
	constraint ck_secret_key_fingerprint_single check (id = 1)
);
