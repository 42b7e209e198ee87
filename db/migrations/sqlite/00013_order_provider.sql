-- +goose Up
-- What the background jobs know about each order at its provider: the
-- supplement (version) last sent, when it was sent and is due, the last
-- check and answer (with a wireless port's D/C/R answer), and the calls
-- that failed in a row with the last failure and when the next try is.
CREATE TABLE order_provider (
    order_id         INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
    supplement       INTEGER NOT NULL DEFAULT 0,
    sent_at          TIMESTAMP,
    due_at           TIMESTAMP,
    last_check_at    TIMESTAMP,
    last_answer      TEXT NOT NULL DEFAULT '',
    port_response    TEXT NOT NULL DEFAULT '',
    port_reason      TEXT NOT NULL DEFAULT '',
    port_activated   BOOLEAN NOT NULL DEFAULT FALSE,
    failures         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    last_error_at    TIMESTAMP,
    next_attempt_at  TIMESTAMP,
    updated_at       TIMESTAMP NOT NULL
);
-- The dashboard's orders whose provider calls keep failing.
CREATE INDEX order_provider_failing ON order_provider (last_error_at) WHERE failures > 0;

-- +goose Down
DROP TABLE order_provider;
