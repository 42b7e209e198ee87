-- +goose Up
-- Idempotency keys of creating API requests (API.md "Conventions"), per
-- user. A row with no status is held by a request still running; its
-- answer is recorded when it succeeds. Rows older than a day are deleted.
CREATE TABLE idempotency_keys (
    user_id       BIGINT NOT NULL REFERENCES users(id),
    key           TEXT NOT NULL,
    method        TEXT NOT NULL,
    path          TEXT NOT NULL,
    body_sha256   TEXT NOT NULL,
    claim_token   TEXT NOT NULL,
    status        INTEGER,
    answer        TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- +goose Down
DROP TABLE idempotency_keys;
