-- 部门整体绩效目标 edited on its page (issue 18): a write names the version it read, so two reviewers editing the
-- same draft cannot silently overwrite each other; who saved it last, and when, is kept for the refusal's message.
-- Portable between H2 and PostgreSQL.

alter table department_target_table add column version bigint default 0 not null;
alter table department_target_table add column updated_at timestamp;
alter table department_target_table add column updated_by varchar(100);
