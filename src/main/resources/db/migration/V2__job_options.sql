-- Bridge-side options of a request (e.g. extract a zip's entries, chain exports), kept apart from the vendor's
-- own parameters so that neither can be mistaken for the other. Null for jobs admitted before this version.
alter table job add column options_json text;
