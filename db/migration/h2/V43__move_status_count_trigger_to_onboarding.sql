-- The status counters are onboarding's: the trigger that keeps them runs onboarding's
-- class (V13 named the class in the support desk's package, which stays only for V13).
drop trigger if exists onboarding_status_count_change;

create trigger onboarding_status_count_change after insert, update, delete on onboarding_session
	for each row call 'org.waldur.portal.onboarding.StatusCountTrigger';

-- Recounted under the new trigger: nothing written before this migration is missed.
update onboarding_status_count c
set sessions = (select count(*) from onboarding_session s where s.status = c.status);
