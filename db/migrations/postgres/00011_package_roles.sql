-- +goose Up
-- What a product is to a package: its PLAN (the rate plan), an INCLUDED
-- option, a ONE_TIME charge for a new service (activation, installation),
-- or an OPTIONAL product offered with it (added only when asked for).
-- Rows from before say INCLUDED: they came with every new line.
ALTER TABLE package_products ADD COLUMN role TEXT NOT NULL DEFAULT 'INCLUDED'
    CHECK (role IN ('PLAN', 'INCLUDED', 'ONE_TIME', 'OPTIONAL'));
-- A shipping charge: an order carrying it sends something to the customer.
ALTER TABLE products ADD COLUMN ships BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE products DROP COLUMN ships;
ALTER TABLE package_products DROP COLUMN role;
