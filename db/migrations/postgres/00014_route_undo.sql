-- +goose Up
-- A supervisor's route choice is held until route_send_at: the order is
-- not sent to its provider before then, and until then the choice can be
-- undone (the order goes back to the route queue). NULL when no person
-- chose the route (a one-route process picks its own).
ALTER TABLE orders ADD COLUMN route_send_at TIMESTAMPTZ;
CREATE INDEX orders_route_send_at ON orders (route_send_at) WHERE route_send_at IS NOT NULL;
-- What taking a route means, in words, for the supervisor who chooses it.
ALTER TABLE process_routes ADD COLUMN meaning TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE process_routes DROP COLUMN meaning;
DROP INDEX orders_route_send_at;
ALTER TABLE orders DROP COLUMN route_send_at;
