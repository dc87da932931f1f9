-- The step "Keep the agent's token valid" (KEEP_TOKEN): the lifetime the operator chose
-- (null: none), a row for it in every existing onboarding, and when the site agent was
-- first seen registered in Waldur.
alter table onboarding_session add column keep_token_seconds integer;

alter table onboarding_session add column agent_seen_at timestamp with time zone;

insert into onboarding_step (session_id, step, status, attempts)
select s.id, 'KEEP_TOKEN', 'TODO', 0
from onboarding_session s
where not exists (select 1 from onboarding_step t where t.session_id = s.id and t.step = 'KEEP_TOKEN');
