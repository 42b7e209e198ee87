-- +goose Up
CREATE TABLE bill_profiles (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE
);

CREATE TABLE carriers (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    code      TEXT NOT NULL UNIQUE,
    wireless  BOOLEAN NOT NULL
);

CREATE TABLE carrier_accounts (
    id          INTEGER PRIMARY KEY,
    carrier_id  INTEGER NOT NULL REFERENCES carriers(id),
    name        TEXT NOT NULL,
    is_default  BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX carrier_accounts_one_default ON carrier_accounts (carrier_id) WHERE is_default;

CREATE TABLE products (
    id             INTEGER PRIMARY KEY,
    description    TEXT NOT NULL,
    rate           INTEGER NOT NULL,
    provisionable  BOOLEAN NOT NULL DEFAULT FALSE,
    carrier_id     INTEGER REFERENCES carriers(id)
);

CREATE TABLE product_groups (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL
);

CREATE TABLE product_group_items (
    group_id    INTEGER NOT NULL REFERENCES product_groups(id),
    product_id  INTEGER NOT NULL REFERENCES products(id),
    PRIMARY KEY (group_id, product_id)
);
CREATE INDEX product_group_items_product ON product_group_items (product_id);

CREATE TABLE packages (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    carrier_id  INTEGER NOT NULL REFERENCES carriers(id)
);

CREATE TABLE package_products (
    package_id  INTEGER NOT NULL REFERENCES packages(id),
    product_id  INTEGER NOT NULL REFERENCES products(id),
    PRIMARY KEY (package_id, product_id)
);

CREATE TABLE service_types (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE
);

CREATE TABLE processes (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE
);

CREATE TABLE process_routes (
    id           INTEGER PRIMARY KEY,
    process_id   INTEGER NOT NULL REFERENCES processes(id),
    description  TEXT NOT NULL
);
CREATE INDEX process_routes_process ON process_routes (process_id);

-- +goose Down
DROP TABLE process_routes;
DROP TABLE processes;
DROP TABLE service_types;
DROP TABLE package_products;
DROP TABLE packages;
DROP TABLE product_group_items;
DROP TABLE product_groups;
DROP TABLE products;
DROP TABLE carrier_accounts;
DROP TABLE carriers;
DROP TABLE bill_profiles;
