-- +goose Up
-- The orders page sorts by last change (updated_at, which every order
-- write sets) as well as by creation: these indexes end in (updated_at, id)
-- so that sort walks an index in the page's order too, unfiltered, by
-- status, by customer and for the few orders waiting for a route. Type
-- and carrier filters hold large shares of the orders and are met along
-- the orders_updated walk.
CREATE INDEX orders_updated ON orders (updated_at, id);
CREATE INDEX orders_status_updated ON orders (status, updated_at, id);
CREATE INDEX orders_customer_updated ON orders (customer_id, updated_at, id);
CREATE INDEX orders_awaiting_route_updated ON orders (updated_at, id)
    WHERE requires_route_decision AND status NOT IN ('COMPLETE', 'CANCELED');

-- +goose Down
DROP INDEX orders_awaiting_route_updated;
DROP INDEX orders_customer_updated;
DROP INDEX orders_status_updated;
DROP INDEX orders_updated;
