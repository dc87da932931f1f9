-- Until when a request whose outcome is unknown may still land in Waldur: before then the
-- portal only looks Waldur up and sends nothing again. (Interrupted runs are found through
-- ix_onboarding_step_running.)
alter table onboarding_step add column settles_at timestamp with time zone;
