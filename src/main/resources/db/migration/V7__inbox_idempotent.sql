-- Claims on inbox files (camel-sql's JdbcOrphanLockAwareIdempotentRepository, the file trigger's read lock): a row
-- exists while one node takes a file, so nodes sharing an inbox folder never take the same file. Table and column
-- names are the ones the repository's default SQL uses; Flyway creates the table, the repository never does.
-- messageId holds "<file name>-<size>-<last modified>": a name of up to 255 characters and two longs.
create table CAMEL_MESSAGEPROCESSED (
    processorName varchar(255) not null,
    messageId     varchar(320) not null,
    createdAt     timestamp    not null,
    primary key (processorName, messageId)
);
