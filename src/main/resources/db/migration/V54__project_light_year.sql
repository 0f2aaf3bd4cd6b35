-- The red list reads a year's red projects furthest behind first: by the stored rows' own year (an approved table
-- never changes its year), in the order it shows them, instead of joining every project of the year first.
alter table project_light add column fiscal_year integer;
update project_light l set fiscal_year = (select p.fiscal_year from project p where p.id = l.project_id);
create index ix_project_light_red on project_light (fiscal_year, light, ratio, project_id);
