-- The timeline is append-only: the database itself refuses to change or remove an entry,
-- so neither a bug nor a hand-written statement can rewrite what happened.
create function incident_timeline_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'incident_timeline is append-only: % is not allowed', tg_op;
end;
$$;

create trigger incident_timeline_append_only
    before update or delete on incident_timeline
    for each row execute function incident_timeline_append_only();
