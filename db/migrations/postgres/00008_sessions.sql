-- +goose Up
-- Signed-in browser sessions. The cookie carries a random session id; only
-- its SHA-256 is kept here, so a copy of the database signs nobody in. A
-- request is served only while its session's row is here: signing out, an
-- administrator ending the user's sessions, or a change to the user that
-- ends them (disabling, a new role, a new password) deletes the rows.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users(id),
    created_at  TIMESTAMPTZ NOT NULL,
    seen_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The session rows replace the per-user epoch that ended sessions before.
ALTER TABLE users DROP COLUMN session_epoch;

-- +goose Down
ALTER TABLE users ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;
DROP TABLE sessions;
