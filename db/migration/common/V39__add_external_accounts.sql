-- Accounts created at the first sign-in through an OpenID Connect provider: identified by
-- the provider's issuer and subject, without a local password.
alter table portal_account alter column password_hash drop not null;
alter table portal_account add column external_issuer varchar(512);
alter table portal_account add column external_subject varchar(255);
alter table portal_account add constraint uk_portal_account_external unique (external_issuer, external_subject);
alter table portal_account add constraint ck_portal_account_password_or_provider
	check (password_hash is not null or (external_issuer is not null and external_subject is not null));
