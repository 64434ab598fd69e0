-- Detection: what was done about each silence once, whatever restarts and replicas came between. Each column is
-- set in the transaction that sends its message (or publishes its event), only while it is still null.
-- The author was told that the silence ends soon (firebreak.detection.silences.remind-before).
alter table silence add column ends_soon_reminded_at timestamp with time zone;
-- The author was told that the silence has held alerts back for long (firebreak.detection.silences.remind-when-holding).
alter table silence add column holding_reminded_at timestamp with time zone;
-- A maintenance window's start was told to on-call (MaintenanceWindowBegan): paging of matching incidents stopped.
alter table silence add column began_told_at timestamp with time zone;
