-- The key version of each audit entry: 0 for the entries hashed with plain SHA-256 before
-- the chain had a key (they keep verifying as they are), 1 for entries chained with
-- HMAC-SHA256 under the audit key, which is never stored in the database.
alter table audit_entry add column key_version integer not null default 0;
