-- The built-in Waldur sandbox: its users, tokens, organisations, categories and offerings.
-- UUIDs are Waldur's 32-character hex form and serve as primary keys.
create table sandbox_user (
	uuid varchar(32) primary key,
	username varchar(128) not null,
	email varchar(320) not null,
	first_name varchar(100) not null,
	last_name varchar(100) not null,
	is_staff boolean not null,
	is_active boolean not null,
	token_lifetime integer,
	created timestamp with time zone not null,
	constraint uk_sandbox_user_username unique (username)
);

create table sandbox_token (
	token_key varchar(40) primary key,
	user_uuid varchar(32) not null,
	created timestamp with time zone not null,
	constraint uk_sandbox_token_user unique (user_uuid),
	constraint fk_sandbox_token_user foreign key (user_uuid) references sandbox_user (uuid) on delete cascade
);

create table sandbox_customer (
	uuid varchar(32) primary key,
	name varchar(150) not null,
	owner_uuid varchar(32),
	created timestamp with time zone not null,
	constraint fk_sandbox_customer_owner foreign key (owner_uuid) references sandbox_user (uuid)
);

create table sandbox_category (
	uuid varchar(32) primary key,
	title varchar(255) not null,
	description varchar(2000) not null,
	created timestamp with time zone not null
);

create table sandbox_offering (
	uuid varchar(32) primary key,
	name varchar(150) not null,
	description text not null,
	customer_uuid varchar(32) not null,
	category_uuid varchar(32) not null,
	type varchar(100) not null,
	shared boolean not null,
	billable boolean not null,
	state varchar(16) not null,
	plugin_options text not null,
	created timestamp with time zone not null,
	constraint fk_sandbox_offering_customer foreign key (customer_uuid) references sandbox_customer (uuid),
	constraint fk_sandbox_offering_category foreign key (category_uuid) references sandbox_category (uuid),
	constraint ck_sandbox_offering_state check (state in ('Draft', 'Active', 'Paused', 'Archived', 'Unavailable'))
);

-- Components and plans keep their validated JSON representation in "data".
create table sandbox_offering_component (
	uuid varchar(32) primary key,
	offering_uuid varchar(32) not null,
	ordinal integer not null,
	type varchar(50) not null,
	data text not null,
	constraint fk_sandbox_component_offering foreign key (offering_uuid) references sandbox_offering (uuid) on delete cascade
);

create table sandbox_plan (
	uuid varchar(32) primary key,
	offering_uuid varchar(32) not null,
	ordinal integer not null,
	name varchar(150) not null,
	data text not null,
	constraint fk_sandbox_plan_offering foreign key (offering_uuid) references sandbox_offering (uuid) on delete cascade
);

create table sandbox_offering_role (
	uuid varchar(32) primary key,
	offering_uuid varchar(32) not null,
	user_uuid varchar(32) not null,
	role varchar(64) not null,
	expiration_time timestamp with time zone,
	created timestamp with time zone not null,
	created_by_uuid varchar(32),
	constraint fk_sandbox_role_offering foreign key (offering_uuid) references sandbox_offering (uuid) on delete cascade,
	constraint fk_sandbox_role_user foreign key (user_uuid) references sandbox_user (uuid) on delete cascade
);

create index ix_sandbox_offering_customer on sandbox_offering (customer_uuid);
create index ix_sandbox_role_offering on sandbox_offering_role (offering_uuid);
