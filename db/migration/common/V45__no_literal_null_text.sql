-- A value Waldur did not give was once stored as the text 'null' (String.valueOf of a
-- missing URL, state or username); it is SQL NULL, as the session now stores it.
update onboarding_session set offering_url = null where offering_url = 'null';
update onboarding_session set offering_state = null where offering_state = 'null';
update onboarding_session set user_url = null where user_url = 'null';
update onboarding_session set username = null where username = 'null';
