-- Fill the customer of sessions saved before the desk existed (H2 has no JSON operators;
-- the portal writes the offering input as compact JSON).
update onboarding_session
set customer_uuid = regexp_substr(offering_input, '"customerUuid":"([^"]*)"', 1, 1, '', 1),
	customer_name = left(regexp_substr(offering_input, '"customerName":"([^"]*)"', 1, 1, '', 1), 255)
where offering_input is not null and customer_uuid is null;

create index ix_onboarding_session_customer_name on onboarding_session (customer_name);
