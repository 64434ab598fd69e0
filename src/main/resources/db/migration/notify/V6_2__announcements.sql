-- Notify module: an announcement (the status page's notice to a subscriber) is a notification about no incident.
alter table notification alter column incident_number drop not null;
