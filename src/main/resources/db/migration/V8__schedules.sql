-- Scheduled triggers: the last fire time each schedule has dealt with (run or skipped by its missed-fire policy).
-- Every node reads and advances the same row; it only ever moves forward, so a slow node cannot re-open old fires.
create table schedule_state (
    name       varchar(64)  not null primary key,
    last_fire  timestamp with time zone not null
);
