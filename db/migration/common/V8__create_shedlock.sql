-- Locks that make a scheduled job run on one portal instance at a time (ShedLock).
create table shedlock (
	name varchar(64) not null,
	lock_until timestamp with time zone not null,
	locked_at timestamp with time zone not null,
	locked_by varchar(255) not null,
	constraint shedlock_pk primary key (name)
);
