-- Status events: every transition is published once (at least once across a crash) from the ledger itself, so an
-- event can never be lost between a committed state change and its publication (a transactional outbox).
-- The transition keeps what the job looked like then, because the job row moves on before the event goes out.
alter table job_transition add column vendor_job_id varchar(128);
alter table job_transition add column progress integer;
alter table job_transition add column published_at timestamp with time zone;
-- history recorded before events existed is not announced
update job_transition set published_at = at;
create index job_transition_unpublished on job_transition (published_at, id);

-- Where a job's final status is sent besides the events address: the reply-to of each AMQP message that asked for it.
create table job_reply (
    job_id          varchar(36)  not null references job (id),
    address         varchar(512) not null,
    correlation_id  varchar(256) not null,
    constraint job_reply_pk primary key (job_id, address, correlation_id)
);
