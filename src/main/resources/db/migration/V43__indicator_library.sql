-- The indicator library (指标库, issue 19). An indicator's 三级 name normalised (library.IndicatorNames), written by
-- the application with every indicator row: the library groups approved indicators by it, so no per-node state.
alter table indicator add column name_key varchar(500);
create index ix_indicator_name_key on indicator (name_key);

-- The distinct names (a few thousand where indicators are hundreds of thousands): the library's search scans these,
-- so a query of one or two characters, which no index serves, stays cheap. Written with every table stored
-- (library.IndicatorNameTable); a name may outlive its indicators (the search checks for approved ones).
create table indicator_name (
    name_key varchar(500) not null primary key
);

-- What finance decided about an entry (a normalised name): 推荐, or merged into another entry (its names then count
-- as that one's). An entry without a decision has no row.
create table indicator_library_entry (
    name_key       varchar(500) not null primary key,
    recommended    boolean      not null default false,
    recommended_by varchar(100),
    recommended_at timestamp,
    merged_into    varchar(500),
    merged_by      varchar(100),
    merged_at      timestamp
);
create index ix_library_entry_merged on indicator_library_entry (merged_into);

-- Whether an approved indicator was met, from its project's published self-evaluation (full marks on the score
-- sheet), written when the self-evaluation is published: the sheet itself is JSON the database cannot read.
create table indicator_result (
    project_id bigint  not null references project (id) on delete cascade,
    position   integer not null,
    met        boolean not null,
    primary key (project_id, position)
);
