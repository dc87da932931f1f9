-- Sign-in throttling: attempts per account name ('account:<name>', known or not) and per
-- client address ('address:<ip>'). An attempt is counted before its password is checked,
-- with one atomic update, so parallel guesses cannot slip past the limit. The lock-out
-- columns of portal_account are replaced by this table.
create table sign_in_throttle (
	throttle_key varchar(200) not null primary key,
	failures integer not null,
	blocked_until timestamp with time zone,
	last_attempt_at timestamp with time zone not null
);

create index ix_sign_in_throttle_last_attempt on sign_in_throttle (last_attempt_at);

alter table portal_account drop column failed_attempts;
alter table portal_account drop column locked_until;
