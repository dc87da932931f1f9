-- Sessions per status, kept by the database (triggers in V13) so that the support desk's
-- unfiltered counts read five rows instead of counting every session.
create table onboarding_status_count (
	status varchar(20) primary key,
	sessions bigint not null
);

insert into onboarding_status_count (status, sessions) values ('DRAFT', 0);
insert into onboarding_status_count (status, sessions) values ('IN_PROGRESS', 0);
insert into onboarding_status_count (status, sessions) values ('NEEDS_ATTENTION', 0);
insert into onboarding_status_count (status, sessions) values ('COMPLETED', 0);
insert into onboarding_status_count (status, sessions) values ('ABANDONED', 0);
