-- The Waldur version an onboarding last talked to (from GET /api/version/), so that what
-- it sent can be read against the version that received it.
alter table onboarding_session add column waldur_version varchar(64);

-- Registering the organisation as a service provider: a step outside the wizard's
-- sequence, kept like the others (attempts, outcome, settle time). Existing sessions get
-- its row.
insert into onboarding_step (session_id, step, status, attempts)
	select id, 'SERVICE_PROVIDER', 'TODO', 0 from onboarding_session;

-- The sandbox's service providers (Waldur's ServiceProvider: one per customer) and the
-- blocked flag of its organisations.
alter table sandbox_customer add column blocked boolean default false not null;

create table sandbox_service_provider (
	uuid varchar(32) primary key,
	customer_uuid varchar(32) not null,
	description varchar(4096) not null,
	enable_notifications boolean not null,
	created timestamp with time zone not null,
	constraint uk_sandbox_service_provider_customer unique (customer_uuid),
	constraint fk_sandbox_service_provider_customer foreign key (customer_uuid) references sandbox_customer (uuid)
);
