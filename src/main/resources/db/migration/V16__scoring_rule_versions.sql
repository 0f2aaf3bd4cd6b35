-- The decision table versions (Camunda decision definition ids) a self-evaluation was scored with: a newer
-- deployment of the grade bands or default weights does not regrade it.
ALTER TABLE self_evaluation ADD COLUMN grade_rule VARCHAR(100);
ALTER TABLE self_evaluation ADD COLUMN weights_rule VARCHAR(100);
