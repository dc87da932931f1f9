-- The sandbox's record of site agents that registered themselves: identities (one per
-- agent and offering), their services (one per mode) and the services' processors.
create table sandbox_agent_identity (
	uuid varchar(32) primary key,
	offering_uuid varchar(32) not null,
	name varchar(150) not null,
	version varchar(100),
	dependencies varchar(10000),
	last_restarted timestamp with time zone not null,
	created_by varchar(32) not null,
	created timestamp with time zone not null,
	modified timestamp with time zone not null
);

create index ix_sandbox_agent_identity_offering on sandbox_agent_identity (offering_uuid);

create table sandbox_agent_service (
	uuid varchar(32) primary key,
	identity_uuid varchar(32) not null,
	name varchar(150) not null,
	mode varchar(100),
	state varchar(10) not null,
	created timestamp with time zone not null,
	modified timestamp with time zone not null,
	constraint fk_sandbox_agent_service_identity foreign key (identity_uuid) references sandbox_agent_identity (uuid)
		on delete cascade,
	constraint uk_sandbox_agent_service unique (identity_uuid, name)
);

create table sandbox_agent_processor (
	uuid varchar(32) primary key,
	service_uuid varchar(32) not null,
	name varchar(150) not null,
	backend_type varchar(100) not null,
	backend_version varchar(100),
	last_run timestamp with time zone,
	created timestamp with time zone not null,
	modified timestamp with time zone not null,
	constraint fk_sandbox_agent_processor_service foreign key (service_uuid) references sandbox_agent_service (uuid)
		on delete cascade,
	constraint uk_sandbox_agent_processor unique (service_uuid, name)
);
