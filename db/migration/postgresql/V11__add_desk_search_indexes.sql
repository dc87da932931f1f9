-- Free-text search of the support desk on PostgreSQL: trigram index for "contains" over
-- the offering name, pattern indexes for prefix matches over the offering UUID, the
-- service username and the customer name. pg_trgm is a trusted extension (PostgreSQL 13+):
-- the owner of the database may create it; otherwise a superuser must run
-- "create extension pg_trgm" in the portal's database before the first start.
create extension if not exists pg_trgm;

create index ix_onboarding_session_title_trgm on onboarding_session using gin (lower(title) gin_trgm_ops);
create index ix_onboarding_session_offering_uuid_prefix on onboarding_session (offering_uuid varchar_pattern_ops);
create index ix_onboarding_session_username_prefix on onboarding_session (username varchar_pattern_ops);
create index ix_onboarding_session_customer_name on onboarding_session (lower(customer_name) varchar_pattern_ops);

-- Fill the customer of sessions saved before the desk existed.
update onboarding_session
set customer_uuid = offering_input::jsonb ->> 'customerUuid',
	customer_name = left(offering_input::jsonb ->> 'customerName', 255)
where offering_input is not null and customer_uuid is null;
