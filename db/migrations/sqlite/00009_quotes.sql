-- +goose Up
-- Service designs (reference data), quotes, the order services on them and
-- the services' port-number ranges (seed 002). port_actions is the allowed
-- actions, comma-separated ("Port,Cease"). A quote converted to an order has
-- is_quote false and takes no more port-number changes.
CREATE TABLE service_designs (
    id                     INTEGER PRIMARY KEY,
    name                   TEXT NOT NULL,
    porting_number_control BOOLEAN NOT NULL,
    port_actions           TEXT NOT NULL DEFAULT '',
    max_port_quantity      INTEGER NOT NULL CHECK (max_port_quantity >= 0),
    created_at             TIMESTAMP NOT NULL
);

CREATE TABLE quotes (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    is_quote     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMP NOT NULL,
    created_by   INTEGER REFERENCES users(id),
    converted_at TIMESTAMP
);
CREATE INDEX quotes_customer ON quotes (customer_id, id);

CREATE TABLE order_services (
    id                INTEGER PRIMARY KEY,
    quote_id          INTEGER NOT NULL REFERENCES quotes(id),
    service_design_id INTEGER NOT NULL REFERENCES service_designs(id),
    created_at        TIMESTAMP NOT NULL
);
CREATE INDEX order_services_quote ON order_services (quote_id, id);

CREATE TABLE port_numbers (
    id                INTEGER PRIMARY KEY,
    order_service_id  INTEGER NOT NULL REFERENCES order_services(id),
    associated_number TEXT,
    quantity          INTEGER NOT NULL CHECK (quantity >= 1),
    first_number      TEXT NOT NULL,
    last_number       TEXT NOT NULL,
    port_action       TEXT NOT NULL CHECK (port_action IN ('Port','Cease')),
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    CHECK (length(first_number) BETWEEN 1 AND 17 AND length(last_number) = length(first_number) AND first_number <= last_number)
);
CREATE UNIQUE INDEX port_numbers_service_first ON port_numbers (order_service_id, first_number);

-- +goose Down
DROP TABLE port_numbers;
DROP TABLE order_services;
DROP TABLE quotes;
DROP TABLE service_designs;
