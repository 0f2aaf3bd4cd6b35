-- Year over year (issue 19): an indicator is matched to last year's by its 三级 name (normalised), else by hand. A
-- hand link maps this year's indicator (its normalised name in this project) to last year's indicator (its
-- normalised name in the project this one continues); it wins over the match by name.
create table indicator_previous_link (
    project_id        bigint       not null references project (id) on delete cascade,
    name_key          varchar(500) not null,
    previous_name_key varchar(500) not null,
    linked_by         varchar(100) not null,
    linked_at         timestamp    not null,
    primary key (project_id, name_key)
);
