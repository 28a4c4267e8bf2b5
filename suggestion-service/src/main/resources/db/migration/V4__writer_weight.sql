-- The writer model's weight for each project, estimated on the writer's own text when it is learned
-- (WriterWeight: deleted interpolation on the last 20 % of her text). NULL (models learned before, or a text too
-- short to tell): the configured suggestion.writer-weight.
ALTER TABLE writer_models ADD COLUMN writer_weight DOUBLE PRECISION;
