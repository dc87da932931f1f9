-- PostgreSQL refuses any change to audit entries: they can only be inserted. The chain head
-- may move forward but never be deleted.
create function audit_refuse_change() returns trigger
language plpgsql as $$
begin
	raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name;
end;
$$;

create trigger audit_entry_append_only
	before update or delete on audit_entry
	for each row execute function audit_refuse_change();

create trigger audit_entry_no_truncate
	before truncate on audit_entry
	for each statement execute function audit_refuse_change();

create trigger audit_chain_head_no_delete
	before delete on audit_chain_head
	for each row execute function audit_refuse_change();

create trigger audit_chain_head_no_truncate
	before truncate on audit_chain_head
	for each statement execute function audit_refuse_change();
