-- Incidents module: incidents, their checklists and their append-only timeline.
-- Enums are stored by name, never by ordinal.
create sequence incident_number_seq start with 1;

create table incident (
    number           bigint primary key,
    title            varchar(200)  not null,
    summary          varchar(4000) not null,
    severity         varchar(16)   not null,
    incident_type    varchar(64)   not null,
    status           varchar(16)   not null,
    commander        varchar(100),
    detected_at      timestamp with time zone not null,
    opened_at        timestamp with time zone not null,
    acknowledged_at  timestamp with time zone,
    mitigated_at     timestamp with time zone,
    resolved_at      timestamp with time zone,
    closed_at        timestamp with time zone,
    version          integer not null
);
create index incident_status_idx on incident (status, severity);

create table incident_criterion (
    incident_number bigint not null references incident (number),
    position        integer not null,
    label           varchar(100) not null,
    primary key (incident_number, position)
);

create table incident_responder (
    incident_number bigint not null references incident (number),
    position        integer not null,
    name            varchar(100) not null,
    primary key (incident_number, position)
);

create table incident_component (
    incident_number bigint not null references incident (number),
    position        integer not null,
    name            varchar(64) not null,
    primary key (incident_number, position)
);

create table incident_step (
    incident_number   bigint not null references incident (number),
    step_no           integer not null,
    position          integer not null,
    playbook_id       varchar(64) not null,
    playbook_version  integer not null,
    section           varchar(100) not null,
    step_id           varchar(64) not null,
    title             varchar(200) not null,
    description       varchar(1000) not null,
    automation        varchar(80),
    state             varchar(16) not null,
    note              varchar(2000),
    done_by           varchar(100),
    done_at           timestamp with time zone,
    outcome_result    varchar(8),
    outcome_summary   varchar(500),
    outcome_evidence  varchar(8000),
    outcome_at        timestamp with time zone,
    primary key (incident_number, step_no)
);

-- Append-only: the application inserts rows and never updates or deletes them.
create table incident_timeline (
    incident_number bigint not null references incident (number),
    seq             integer not null,
    at              timestamp with time zone not null,
    actor           varchar(100) not null,
    kind            varchar(32) not null,
    field           varchar(64),
    before_value    varchar(4000),
    after_value     varchar(4000),
    text            varchar(4000) not null,
    primary key (incident_number, seq)
);
