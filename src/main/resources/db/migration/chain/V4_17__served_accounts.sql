-- Chain module: the EIP-7702 watch. One row per account the team serves (from the chain profile, or a sender the
-- EntryPoint's events named), with its delegate as last read by the block follower and where that delegate was set.
-- It is updated in the follower's batch transaction, beside the DelegateChanged event it records.
create table chain_served_account (
    chain_id          bigint       not null,
    address           varchar(42)  not null,
    source            varchar(16)  not null,
    kind              varchar(16)  not null,
    delegate          varchar(42),
    previous_delegate varchar(42),
    since_block       bigint       not null,
    since_tx          varchar(66),
    updated_at        timestamp with time zone not null,
    primary key (chain_id, address)
);
