-- On-call: the shift notices asked for, one row per notice key (e.g. shift:primary:bob:1796025600:starting), written
-- in the transaction that asks the notify module, so a shift is told once however often the task looks.
create table oncall_shift_notice (
    notice_key   varchar(200) primary key,
    person_id    varchar(64)  not null,
    requested_at timestamp with time zone not null
);
