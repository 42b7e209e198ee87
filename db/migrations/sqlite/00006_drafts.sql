-- +goose Up
-- Order wizard drafts: what a rep entered so far, by an unguessable id.
-- data is the wizard's values as JSON; secrets is a JSON object of the
-- secret values, sealed whole with the data key. A draft is submitted
-- once: state moves OPEN -> SUBMITTING (one request holds it) -> SUBMITTED
-- (order_ids and line_ids, JSON lists, say what it created).
CREATE TABLE order_drafts (
    id               TEXT PRIMARY KEY,
    wizard           TEXT NOT NULL,
    user_id          INTEGER NOT NULL REFERENCES users(id),
    data             TEXT NOT NULL,
    secrets          TEXT NOT NULL DEFAULT '',
    reached          INTEGER NOT NULL DEFAULT 0,
    state            TEXT NOT NULL,
    order_ids        TEXT NOT NULL DEFAULT '[]',
    line_ids         TEXT NOT NULL DEFAULT '[]',
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL,
    expires_at       TIMESTAMP NOT NULL,
    submitting_since TIMESTAMP
);
CREATE INDEX order_drafts_expires ON order_drafts (expires_at);

-- +goose Down
DROP TABLE order_drafts;
