-- Spring Modulith's H2 table keeps a serialized event in varchar(4000), but an event quotes what people write (a
-- 4,000-character status update goes out in a notification request): the event needs room beyond the longest text.
-- Whichever runs first, this or Modulith's own schema script (which skips an existing table), the column is wide.
create table if not exists event_publication (
    id                     uuid not null,
    completion_date        timestamp(9) with time zone,
    event_type             varchar(512) not null,
    listener_id            varchar(512) not null,
    publication_date       timestamp(9) with time zone not null,
    serialized_event       varchar(1000000) not null,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp(9) with time zone,
    primary key (id)
);
alter table event_publication alter column serialized_event set data type varchar(1000000);
create index if not exists event_publication_by_listener_id_and_serialized_event_idx
    on event_publication (listener_id, serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
