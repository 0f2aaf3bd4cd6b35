-- Year over year (issue 19): a project is linked to last year's by 项目编码, else by unit and normalised name; a
-- preparer or finance may link by hand. A hand link overrides the automatic match; previous_project_id null means
-- "explicitly none" (the automatic match must not come back).
create table project_previous_link (
    project_id          bigint       not null primary key references project (id) on delete cascade,
    previous_project_id bigint references project (id) on delete set null,
    linked_by           varchar(100) not null,
    linked_at           timestamp    not null
);
-- The automatic match by 项目编码 looks up last year's projects by code (by unit it uses ix_project_year_unit).
create index if not exists ix_project_year_code on project (fiscal_year, code);
