-- Keeps onboarding_status_count in step with onboarding_session in the same transaction.
-- Statement-level triggers with transition tables: a bulk insert changes each counter once,
-- and an update that keeps every status (most of them) touches no counter at all. Counters
-- are changed in status order, so two transactions never wait for each other in a cycle.
create function onboarding_status_count_apply() returns trigger
language plpgsql as $$
declare
	change record;
begin
	if tg_op = 'INSERT' then
		for change in select status, count(*) as delta from new_rows group by status order by status loop
			update onboarding_status_count set sessions = sessions + change.delta where status = change.status;
		end loop;
	elsif tg_op = 'DELETE' then
		for change in select status, -count(*) as delta from old_rows group by status order by status loop
			update onboarding_status_count set sessions = sessions + change.delta where status = change.status;
		end loop;
	else
		for change in
			select status, sum(delta) as delta
			from (select status, -1 as delta from old_rows union all select status, 1 from new_rows) moved
			group by status having sum(delta) <> 0 order by status loop
			update onboarding_status_count set sessions = sessions + change.delta where status = change.status;
		end loop;
	end if;
	return null;
end;
$$;

create trigger onboarding_status_count_insert
	after insert on onboarding_session referencing new table as new_rows
	for each statement execute function onboarding_status_count_apply();

create trigger onboarding_status_count_update
	after update on onboarding_session referencing old table as old_rows new table as new_rows
	for each statement execute function onboarding_status_count_apply();

create trigger onboarding_status_count_delete
	after delete on onboarding_session referencing old table as old_rows
	for each statement execute function onboarding_status_count_apply();

-- Counted under the triggers' table lock: nothing written before or during this migration is missed.
update onboarding_status_count c
set sessions = (select count(*) from onboarding_session s where s.status = c.status);
