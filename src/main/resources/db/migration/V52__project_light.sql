-- Each approved project's current monitoring light and its execution curve by month, kept up to date by the
-- transactions that change what they are computed from (docs/decisions/stored-lights.md): the dashboard counts,
-- lists and adds them up in one statement instead of loading every project of the year with its records.
-- stale: to be computed again before it is shown (set here for the tables approved before this version; a row
-- computed under another version of the execution-light table counts as stale too, rules naming the version).
-- The decisive signal (light … explanation), the latest 偏差说明 (deviation_*), and the curve: planned_m is
-- budget × planned percent at the end of month m, spent_m the spending known by then; curve_budget is null for a
-- budget of 0, which the curve leaves out; as_of_month the month of the latest reading of the fiscal year.
create table project_light (
    project_id         bigint primary key references project (id) on delete cascade,
    stale              boolean not null,
    rules              varchar(200),
    light              varchar(10),
    source             varchar(200),
    as_of              date,
    spent              numeric(18, 6),
    execution_rate     numeric(12, 2),
    planned_percent    numeric(12, 2),
    ratio              numeric(12, 2),
    explanation        varchar(1000),
    deviation_month    integer,
    deviation_reasons  varchar(1000),
    deviation_text     varchar(20000),
    deviation_measures varchar(20000),
    deviation_decision varchar(20),
    curve_budget       numeric(18, 6),
    as_of_month        integer,
    planned_1  numeric(30, 8),
    planned_2  numeric(30, 8),
    planned_3  numeric(30, 8),
    planned_4  numeric(30, 8),
    planned_5  numeric(30, 8),
    planned_6  numeric(30, 8),
    planned_7  numeric(30, 8),
    planned_8  numeric(30, 8),
    planned_9  numeric(30, 8),
    planned_10 numeric(30, 8),
    planned_11 numeric(30, 8),
    planned_12 numeric(30, 8),
    spent_1    numeric(18, 6),
    spent_2    numeric(18, 6),
    spent_3    numeric(18, 6),
    spent_4    numeric(18, 6),
    spent_5    numeric(18, 6),
    spent_6    numeric(18, 6),
    spent_7    numeric(18, 6),
    spent_8    numeric(18, 6),
    spent_9    numeric(18, 6),
    spent_10   numeric(18, 6),
    spent_11   numeric(18, 6),
    spent_12   numeric(18, 6)
);
create index ix_project_light_light on project_light (light, project_id);

insert into project_light (project_id, stale) select id, true from project where version >= 1;
