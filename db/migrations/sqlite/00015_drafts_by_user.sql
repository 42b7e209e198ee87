-- +goose Up
-- A rep's open drafts ("My drafts"), the one saved last first.
CREATE INDEX order_drafts_user ON order_drafts (user_id, state, updated_at);

-- +goose Down
DROP INDEX order_drafts_user;
