-- Whether an administrator disabled the account, as opposed to the portal disabling a demo
-- account while connected to a real Waldur: sandbox mode re-enables only the latter.
alter table portal_account add column disabled_by_admin boolean not null default false;

update portal_account set disabled_by_admin = true where enabled = false and demo = false;
