-- A service finished purging a user (UserPurged): one row per purge event, written in the same transaction as the
-- deletion. It holds no user id on purpose (the purge must leave none); an operator compares the event ids that
-- identity-service published with the receipts of every service to find a purge that stalled.
CREATE TABLE purge_receipts (
    event_id      UUID        PRIMARY KEY,
    completed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
