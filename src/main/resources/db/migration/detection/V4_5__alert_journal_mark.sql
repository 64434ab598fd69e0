-- Detection module, fifth step: on the embedded store, repeats of firing alerts are journalled next to the database
-- file and folded in batches (RepeatJournal); the fold records here, in its own transaction, the last journal segment
-- it folded, so a segment a crash left behind is folded once at start-up and never twice.
create table alert_journal_mark (
    id             int    primary key,
    folded_segment bigint not null
);
insert into alert_journal_mark (id, folded_segment) values (1, 0);
