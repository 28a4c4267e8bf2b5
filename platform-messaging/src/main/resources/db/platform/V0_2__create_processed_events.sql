-- Idempotent consumption: the id of every event a consumer applied, written in the same transaction as
-- the effect, so a redelivered event is recognised and skipped.
CREATE TABLE processed_events (
    event_id      UUID        NOT NULL,
    consumer      VARCHAR(100) NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);

CREATE INDEX idx_processed_events_processed_at ON processed_events (processed_at);
