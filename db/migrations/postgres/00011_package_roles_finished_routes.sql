-- +goose Up
-- What a product is to a package: its PLAN (the rate plan), an INCLUDED
-- option, a ONE_TIME charge for a new service (activation, installation),
-- or an OPTIONAL product offered with it (added only when asked for).
-- Rows from before say INCLUDED: they came with every new line.
ALTER TABLE package_products ADD COLUMN role TEXT NOT NULL DEFAULT 'INCLUDED'
    CHECK (role IN ('PLAN', 'INCLUDED', 'ONE_TIME', 'OPTIONAL'));
-- A shipping charge: an order carrying it sends something to the customer.
ALTER TABLE products ADD COLUMN ships BOOLEAN NOT NULL DEFAULT FALSE;
-- A COMPLETE or CANCELED order waits for no route decision (Orders_Query
-- and Orders_Search agree); orders finished before this rule kept the flag.
UPDATE orders SET requires_route_decision = FALSE WHERE status IN ('COMPLETE', 'CANCELED');

-- +goose Down
ALTER TABLE products DROP COLUMN ships;
ALTER TABLE package_products DROP COLUMN role;
