-- The support desk filters onboardings by customer and searches them by offering UUID and
-- service username; it sorts by update, creation, title and status.
alter table onboarding_session add column customer_uuid varchar(64);
alter table onboarding_session add column customer_name varchar(255);

create index ix_onboarding_session_updated on onboarding_session (updated_at, id);
create index ix_onboarding_session_created on onboarding_session (created_at, id);
create index ix_onboarding_session_title on onboarding_session (title, id);
create index ix_onboarding_session_step on onboarding_session (current_step, updated_at);
create index ix_onboarding_session_customer on onboarding_session (customer_uuid, updated_at);
create index ix_onboarding_session_offering_uuid on onboarding_session (offering_uuid);
create index ix_onboarding_session_username on onboarding_session (username);
-- Steps marked running for too long count as needing attention.
create index ix_onboarding_step_running on onboarding_step (status, started_at);
