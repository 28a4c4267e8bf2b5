-- The W3C traceparent of the request that wrote the event (null when there was none): the relay sends it as a
-- Kafka record header, so that the consumers' work joins the trace of the save that caused it.
ALTER TABLE outbox_events ADD COLUMN traceparent VARCHAR(55);
