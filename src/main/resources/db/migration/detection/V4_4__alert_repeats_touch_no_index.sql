-- Detection module, fourth step: a repeat of a firing alert (the intake's hot path) rewrites its row and nothing else.
-- The last-seen index cost every repeat an index entry removed and one added, for one list ordered by it, which
-- sorts the alerts it filters instead.
drop index alert_last_seen_idx;
