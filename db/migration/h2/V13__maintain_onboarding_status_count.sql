-- Keeps onboarding_status_count in step with onboarding_session in the same transaction
-- (H2 runs triggers written in Java; see SessionStatusCounter).
create trigger onboarding_status_count_change after insert, update, delete on onboarding_session
	for each row call 'org.waldur.portal.desk.SessionStatusCounter';

update onboarding_status_count c
set sessions = (select count(*) from onboarding_session s where s.status = c.status);
