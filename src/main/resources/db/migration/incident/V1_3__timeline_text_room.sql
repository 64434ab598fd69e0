-- A timeline entry quotes what people write (a 4,000-character status update or note) inside its own wording,
-- e.g. "Status update (PUBLIC, INVESTIGATING): ...": the entry needs room beyond the longest text it quotes.
alter table incident_timeline alter column text set data type varchar(16000);
