-- A notification may be about no incident (an on-call shift notice): incident_number is then null.
alter table notification alter column incident_number drop not null;
