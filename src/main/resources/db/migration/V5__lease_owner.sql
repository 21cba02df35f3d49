-- Which node holds a job's lease: a node restarting after a crash takes back its own leases at once instead of
-- waiting for them to expire (other nodes' leases still expire on their own).
alter table job add column lease_owner varchar(64);
