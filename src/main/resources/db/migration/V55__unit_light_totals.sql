-- The dashboard's counts and curve kept per unit and year (docs/decisions/stored-lights.md): a view adds up one row
-- per unit instead of every approved project of the year. Kept by LightRefresh in the transactions that write the
-- projects' rows, from those rows: unit_key is the unit's id, 0 for the projects without a unit. flagged: the
-- approved projects whose row is missing or stale; rules: the version of the execution-light table every other row
-- was computed under ('*' when they differ), so that a view knows when the rows must be computed again.
create table unit_light_totals (
    fiscal_year  integer not null,
    unit_key     bigint  not null,
    projects     integer not null,
    red          integer not null,
    yellow       integer not null,
    green        integer not null,
    blue         integer not null,
    unmonitored  integer not null,
    flagged      integer not null,
    rules        varchar(200),
    curve_count  integer not null,
    curve_budget numeric(38, 6),
    as_of_month  integer,
    planned_1  numeric(38, 8),
    planned_2  numeric(38, 8),
    planned_3  numeric(38, 8),
    planned_4  numeric(38, 8),
    planned_5  numeric(38, 8),
    planned_6  numeric(38, 8),
    planned_7  numeric(38, 8),
    planned_8  numeric(38, 8),
    planned_9  numeric(38, 8),
    planned_10  numeric(38, 8),
    planned_11  numeric(38, 8),
    planned_12  numeric(38, 8),
    spent_1    numeric(38, 6),
    spent_2    numeric(38, 6),
    spent_3    numeric(38, 6),
    spent_4    numeric(38, 6),
    spent_5    numeric(38, 6),
    spent_6    numeric(38, 6),
    spent_7    numeric(38, 6),
    spent_8    numeric(38, 6),
    spent_9    numeric(38, 6),
    spent_10    numeric(38, 6),
    spent_11    numeric(38, 6),
    spent_12    numeric(38, 6),
    primary key (fiscal_year, unit_key)
);

-- The unit a project's row was last counted under: a project moved to another unit leaves the first one's totals.
alter table project_light add column unit_key bigint;
update project_light l set unit_key = (select coalesce(p.unit_id, 0) from project p where p.id = l.project_id);

insert into unit_light_totals (fiscal_year, unit_key, projects, red, yellow, green, blue, unmonitored, flagged,
    rules, curve_count, curve_budget, as_of_month,
    planned_1, planned_2, planned_3, planned_4, planned_5, planned_6,
    planned_7, planned_8, planned_9, planned_10, planned_11, planned_12,
    spent_1, spent_2, spent_3, spent_4, spent_5, spent_6,
    spent_7, spent_8, spent_9, spent_10, spent_11, spent_12)
select p.fiscal_year, coalesce(p.unit_id, 0), count(*),
       sum(case when l.light = 'RED' then 1 else 0 end), sum(case when l.light = 'YELLOW' then 1 else 0 end),
       sum(case when l.light = 'GREEN' then 1 else 0 end), sum(case when l.light = 'BLUE' then 1 else 0 end),
       sum(case when l.light is null then 1 else 0 end),
       sum(case when l.project_id is null or l.stale = true or l.rules is null then 1 else 0 end),
       case when min(case when l.stale = false then l.rules end) = max(case when l.stale = false then l.rules end)
            then min(case when l.stale = false then l.rules end)
            when max(case when l.stale = false then l.rules end) is null then null else '*' end,
       count(l.curve_budget), sum(l.curve_budget), max(l.as_of_month),
       sum(l.planned_1), sum(l.planned_2), sum(l.planned_3), sum(l.planned_4), sum(l.planned_5), sum(l.planned_6),
       sum(l.planned_7), sum(l.planned_8), sum(l.planned_9), sum(l.planned_10), sum(l.planned_11), sum(l.planned_12),
       sum(l.spent_1), sum(l.spent_2), sum(l.spent_3), sum(l.spent_4), sum(l.spent_5), sum(l.spent_6),
       sum(l.spent_7), sum(l.spent_8), sum(l.spent_9), sum(l.spent_10), sum(l.spent_11), sum(l.spent_12)
  from project p left join project_light l on l.project_id = p.id
 where p.version >= 1
 group by p.fiscal_year, coalesce(p.unit_id, 0);
