-- A round is delivered in batches by the job executor (docs/decisions/round-delivery.md): opening it fixes whom it
-- asks, and each batch reaches the next lifecycles of them in a transaction of its own.
-- projects: how many approved tables the round asks (fixed when it is opened); reached: how many lifecycles have got
-- their task so far; department_tables: the approved department tables reached at the end; delivered_at: null while
-- the batches run. Rounds opened before were delivered in their opening transaction: reached and delivered then.

alter table monitoring_round add column reached integer default 0 not null;
alter table monitoring_round add column department_tables integer;
alter table monitoring_round add column delivered_at timestamp;
update monitoring_round set reached = projects, delivered_at = opened_at;

-- The approved tables a monitoring round asks, as a self-evaluation round keeps its population. reached: null until
-- a batch has handled the table; then whether its lifecycle got the task (false: it was not waiting for rounds).
create table monitoring_round_project (
    round_id   bigint not null references monitoring_round (id) on delete cascade,
    project_id bigint not null references project (id) on delete cascade,
    reached    boolean,
    primary key (round_id, project_id)
);
create index ix_monitoring_round_project_next on monitoring_round_project (round_id, reached, project_id);

alter table self_evaluation_round_project add column reached boolean;
update self_evaluation_round_project set reached = true;
create index ix_self_evaluation_round_project_next
    on self_evaluation_round_project (fiscal_year, reached, project_id);

alter table self_evaluation_round add column projects integer default 0 not null;
alter table self_evaluation_round add column reached integer default 0 not null;
alter table self_evaluation_round add column department_tables integer;
alter table self_evaluation_round add column delivered_at timestamp;
update self_evaluation_round r
   set projects = (select count(*) from self_evaluation_round_project p where p.fiscal_year = r.fiscal_year),
       reached = (select count(*) from self_evaluation_round_project p where p.fiscal_year = r.fiscal_year),
       delivered_at = opened_at;
