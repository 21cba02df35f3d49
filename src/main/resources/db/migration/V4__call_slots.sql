-- Turns for vendor resources that allow one use per interval (IoTDA export downloads), shared by every node.
create table call_slot (
    slot_key   varchar(200) not null primary key,
    last_turn  timestamp with time zone,
    last_used  timestamp with time zone
);

create table call_slot_reservation (
    slot_key   varchar(200) not null,
    holder     varchar(200) not null,
    turn_at    timestamp with time zone not null,
    constraint call_slot_reservation_pk primary key (slot_key, holder)
);
