-- Chain module: the transactions Firebreak's guardian signed (pause, unpause), recorded before they are sent, so
-- the events they cause (Paused, Unpaused) are known as Firebreak's own and open no incident of their own.
create table chain_own_transaction (
    tx_hash    varchar(66)  primary key,
    chain_id   bigint       not null,
    what       varchar(255) not null,
    signed_at  timestamp with time zone not null
);
