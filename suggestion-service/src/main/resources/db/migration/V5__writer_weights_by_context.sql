-- The writer model's weights by context (WriterWeight.BUCKETS of them: how long a context of the last tokens her
-- model knows and how often she wrote it), estimated with writer_weight on the last 20 % of her text. NULL (models
-- learned before, or a text too short to tell): writer_weight for every context.
ALTER TABLE writer_models ADD COLUMN writer_weights DOUBLE PRECISION[];
