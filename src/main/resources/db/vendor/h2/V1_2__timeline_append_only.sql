-- The timeline is append-only: the database itself refuses to change or remove an entry,
-- so neither a bug nor a hand-written statement can rewrite what happened.
create trigger incident_timeline_append_only
    before update, delete on incident_timeline
    for each row call 'org.firebreak.incident.TimelineAppendOnlyTrigger';
