-- When the bridge last began to create the vendor job (state SUBMITTING): after a crash, the vendor is asked for a
-- job created since then before a second one is created. Also the clock a job's timeout counts from.
alter table job add column submit_started_at timestamp with time zone;

-- The vendor quota a QUEUED job waits for; when a job sharing that quota ends, the waiting jobs are woken at once.
alter table job add column waiting_for varchar(200);

create index job_waiting on job (waiting_for);

-- One row per quota key: submits that share a quota lock it, so the check and the share are one atomic step even
-- with several bridge nodes on one database.
create table quota_lock (
    quota_key  varchar(200) not null primary key
);

-- The share of each quota a started vendor job holds, with the time the create was sent (daily and retention
-- quotas count these; running ones join the job's state).
create table job_quota (
    job_id      varchar(36)   not null references job (id),
    quota_key   varchar(200)  not null,
    started_at  timestamp with time zone not null,
    constraint job_quota_pk primary key (job_id, quota_key)
);

create index job_quota_key on job_quota (quota_key, started_at);
