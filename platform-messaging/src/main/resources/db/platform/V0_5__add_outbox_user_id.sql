-- Whose data the event concerns (DomainEvent.userId, null for rows written before this column): the relay sends it
-- as the Kafka record header wt-user-id, so a consumer that only cares about some users (the sync gateway, which
-- fans out to the sockets it holds) skips the others' records without parsing them.
ALTER TABLE outbox_events ADD COLUMN user_id VARCHAR(36);
