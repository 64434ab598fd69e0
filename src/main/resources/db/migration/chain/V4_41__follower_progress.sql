-- Chain module: when a follower last made its round (asked the node for the head, checked the last followed block,
-- committed a batch or found nothing to follow), and the head it saw then. Every replica reads it, so the one
-- answering the status sees a follower stalled on another, dead or stuck, replica.
alter table chain_follower_cursor add column checked_at timestamp with time zone;
alter table chain_follower_cursor add column checked_head bigint;
