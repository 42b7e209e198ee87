-- +goose Up
CREATE TABLE addresses (
    id          INTEGER PRIMARY KEY,
    first_name  TEXT NOT NULL,
    last_name   TEXT NOT NULL,
    address1    TEXT NOT NULL,
    address2    TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL,
    state       TEXT NOT NULL,
    zip         TEXT NOT NULL,
    zip4        TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT 'USA'
);

CREATE TABLE customers (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    name_lower          TEXT NOT NULL,
    status              TEXT NOT NULL,
    bill_profile_id     INTEGER NOT NULL REFERENCES bill_profiles(id),
    service_address_id  INTEGER NOT NULL REFERENCES addresses(id),
    ssn_enc             TEXT NOT NULL DEFAULT '',
    tax_id_enc          TEXT NOT NULL DEFAULT '',
    created_at          TIMESTAMP NOT NULL
);
CREATE INDEX customers_name ON customers (name_lower, id);
CREATE INDEX customers_bill_profile ON customers (bill_profile_id);

CREATE TABLE lines (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    tn                  TEXT NOT NULL DEFAULT '',
    package_id          INTEGER NOT NULL REFERENCES packages(id),
    carrier_id          INTEGER NOT NULL REFERENCES carriers(id),
    carrier_account_id  INTEGER NOT NULL REFERENCES carrier_accounts(id),
    line_type_id        INTEGER REFERENCES service_types(id),
    description         TEXT NOT NULL DEFAULT '',
    alt_btn_id          INTEGER REFERENCES lines(id),
    pbx_make            TEXT NOT NULL DEFAULT '',
    pbx_model           TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL CHECK (status IN ('ACTIVE','SUSPENDED','DISCONNECTED','PENDING')),
    suspend_type        TEXT NOT NULL DEFAULT '',
    created_at          TIMESTAMP NOT NULL
);
CREATE INDEX lines_customer ON lines (customer_id, id);
CREATE INDEX lines_tn ON lines (tn);
CREATE UNIQUE INDEX lines_live_tn ON lines (tn) WHERE tn <> '' AND status <> 'DISCONNECTED';

CREATE TABLE customer_products (
    id           INTEGER PRIMARY KEY,
    line_id      INTEGER NOT NULL REFERENCES lines(id),
    product_id   INTEGER NOT NULL REFERENCES products(id),
    description  TEXT NOT NULL,
    rate         INTEGER NOT NULL,
    quantity     INTEGER NOT NULL CHECK (quantity >= 1)
);
CREATE INDEX customer_products_line ON customer_products (line_id);

CREATE TABLE inventory (
    id           INTEGER PRIMARY KEY,
    identifier   TEXT NOT NULL UNIQUE,
    type         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('AVAILABLE','UNAVAILABLE','ASSIGNED')),
    customer_id  INTEGER REFERENCES customers(id),
    line_id      INTEGER REFERENCES lines(id)
);
CREATE INDEX inventory_status_type ON inventory (status, type, id);
CREATE INDEX inventory_customer ON inventory (customer_id);
CREATE INDEX inventory_line ON inventory (line_id);

-- +goose Down
DROP TABLE inventory;
DROP TABLE customer_products;
DROP TABLE lines;
DROP TABLE customers;
DROP TABLE addresses;
