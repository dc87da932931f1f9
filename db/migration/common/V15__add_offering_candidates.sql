-- When Waldur holds more than one offering under an onboarding's name (an earlier request
-- landed after the portal had stopped waiting), the candidates are kept as JSON: support
-- chooses the one the onboarding keeps, and the others are listed for clean-up. The portal
-- deletes nothing in Waldur.
alter table onboarding_session add column offering_candidates varchar(20000);
alter table onboarding_session add column offering_choice_pending boolean not null default false;
