-- H2 writes an identity column's sequence back to its store every CACHE values (32 by default): in a catch-up,
-- where one transaction stores thousands of chain events, those writes were ~11% of the follower's commit
-- (bench/README.md, "Catch-up"). A larger cache only leaves a wider gap in the ids after a crash; nothing reads
-- chain_event.id for order or count.
alter table chain_event alter column id set cache 4096;
