-- platform-messaging's own tests: a crash of the relay between its send and its mark, on demand. While an event id is
-- listed in relay_crashes, marking its outbox row published fails (as if the relay died after Kafka acknowledged
-- it); every such failure advances relay_crash_count, which is not transactional, so the test sees it happened.
CREATE TABLE relay_crashes (event_id UUID PRIMARY KEY);
CREATE SEQUENCE relay_crash_count;

CREATE FUNCTION relay_crash() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.published_at IS NOT NULL AND OLD.published_at IS NULL
            AND EXISTS (SELECT 1 FROM relay_crashes WHERE event_id = NEW.event_id) THEN
        PERFORM nextval('relay_crash_count');
        RAISE EXCEPTION 'relay test: crash between send and mark';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER relay_crash BEFORE UPDATE ON outbox_events FOR EACH ROW EXECUTE FUNCTION relay_crash();
