-- 补录已批复目标: a batch imported as approved is the evidence of that approval (its file stays in content).
alter table import_batch add column approved boolean default false not null;
