-- +goose NO TRANSACTION
-- Orders, their lines, products, inventory and port-in details, and the
-- per-status counts the dashboard reads.
--
-- It also lets a line have no package (AddLine's PackageID 0 with a
-- provisionable product). SQLite cannot drop NOT NULL in place: lines is
-- rebuilt by the documented procedure, which needs foreign keys off, and
-- foreign_keys cannot change inside a transaction; hence NO TRANSACTION
-- and an explicit one around every change.

-- +goose Up
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE lines_new (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    tn                  TEXT NOT NULL DEFAULT '',
    package_id          INTEGER REFERENCES packages(id),
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
INSERT INTO lines_new (id, customer_id, tn, package_id, carrier_id, carrier_account_id, line_type_id, description,
    alt_btn_id, pbx_make, pbx_model, status, suspend_type, created_at)
    SELECT id, customer_id, tn, package_id, carrier_id, carrier_account_id, line_type_id, description,
    alt_btn_id, pbx_make, pbx_model, status, suspend_type, created_at FROM lines;
DROP TABLE lines;
ALTER TABLE lines_new RENAME TO lines;
CREATE INDEX lines_customer ON lines (customer_id, id);
CREATE INDEX lines_tn ON lines (tn);
CREATE UNIQUE INDEX lines_live_tn ON lines (tn) WHERE tn <> '' AND status <> 'DISCONNECTED';

CREATE TABLE orders (
    id                       INTEGER PRIMARY KEY,
    pon                      TEXT NOT NULL UNIQUE,
    order_type               TEXT NOT NULL CHECK (order_type IN ('NEW','SUSPEND','DISCONNECT','RESTORE','ADD_LINE','CHANGE_FEATURE','PACKAGE_CHANGE','PORT')),
    status                   TEXT NOT NULL CHECK (status IN ('NEW','SENT','ERROR','CONFIRMED','COMPLETE','CANCELED','HOLD','FLOW_ERROR','PAYMENT_HOLD','LIFELINE_HOLD','JEOPARDY','PROVISIONED')),
    status_note              TEXT NOT NULL DEFAULT '',
    customer_id              INTEGER NOT NULL REFERENCES customers(id),
    carrier_id               INTEGER NOT NULL REFERENCES carriers(id),
    carrier_account_id       INTEGER NOT NULL REFERENCES carrier_accounts(id),
    flow_through             BOOLEAN NOT NULL,
    send_now                 BOOLEAN NOT NULL DEFAULT FALSE,
    created_at               TIMESTAMP NOT NULL,
    created_by               INTEGER REFERENCES users(id),
    updated_at               TIMESTAMP NOT NULL,
    completion_date          TIMESTAMP,
    tracking_number          TEXT NOT NULL DEFAULT '',
    shipping_status          TEXT NOT NULL DEFAULT 'NOT_REQUIRED' CHECK (shipping_status IN ('NOT_REQUIRED','NOT_SHIPPED','SHIPPED')),
    shipping_address_id      INTEGER REFERENCES addresses(id),
    process_id               INTEGER REFERENCES processes(id),
    process_route_id         INTEGER REFERENCES process_routes(id),
    requires_route_decision  BOOLEAN NOT NULL DEFAULT FALSE,
    billing_option           TEXT NOT NULL DEFAULT '',
    reconnect                BOOLEAN NOT NULL DEFAULT FALSE,
    suspend_type             TEXT NOT NULL DEFAULT '',
    inventory_item_status    TEXT NOT NULL DEFAULT '',
    ignore_related_products  BOOLEAN NOT NULL DEFAULT FALSE,
    prorate                  BOOLEAN NOT NULL DEFAULT FALSE,
    new_package_id           INTEGER REFERENCES packages(id),
    version                  INTEGER NOT NULL DEFAULT 1
);
-- Orders_Search reads newest first: every index ends in (created_at, id),
-- so a filter on its first column walks the index in the page's order and
-- stops after one page, however many orders match.
CREATE INDEX orders_created ON orders (created_at, id);
CREATE INDEX orders_status ON orders (status, created_at, id);
CREATE INDEX orders_customer ON orders (customer_id, created_at, id);
CREATE INDEX orders_carrier ON orders (carrier_id, created_at, id);
CREATE INDEX orders_type ON orders (order_type, created_at, id);
-- The few open orders waiting for a supervisor's route decision.
CREATE INDEX orders_awaiting_route ON orders (created_at, id)
    WHERE requires_route_decision AND status NOT IN ('COMPLETE', 'CANCELED');

-- One row per line an order touches (OrderItem).
CREATE TABLE order_items (
    id                  INTEGER PRIMARY KEY,
    order_id            INTEGER NOT NULL REFERENCES orders(id),
    line_id             INTEGER NOT NULL REFERENCES lines(id),
    tn                  TEXT NOT NULL DEFAULT '',
    action              TEXT NOT NULL CHECK (action IN ('ADD','SUSPEND','RESTORE','DISCONNECT','CHANGE','PACKAGE_CHANGE')),
    package_id          INTEGER REFERENCES packages(id),
    carrier_id          INTEGER REFERENCES carriers(id),
    carrier_account_id  INTEGER REFERENCES carrier_accounts(id),
    description         TEXT NOT NULL DEFAULT '',
    alt_btn_id          INTEGER REFERENCES lines(id),
    pbx_make            TEXT NOT NULL DEFAULT '',
    pbx_model           TEXT NOT NULL DEFAULT '',
    line_type_id        INTEGER REFERENCES service_types(id)
);
CREATE INDEX order_items_order ON order_items (order_id, id);
CREATE INDEX order_items_line ON order_items (line_id, order_id);
CREATE INDEX order_items_tn ON order_items (tn, order_id);

-- Products an order adds to, changes on or removes from a line. A
-- removed customer product is deleted when the order completes, so
-- customer_product_id is kept without a foreign key.
CREATE TABLE order_products (
    id                   INTEGER PRIMARY KEY,
    order_item_id        INTEGER NOT NULL REFERENCES order_items(id),
    op                   TEXT NOT NULL CHECK (op IN ('ADD','CHANGE','REMOVE')),
    product_id           INTEGER NOT NULL REFERENCES products(id),
    customer_product_id  INTEGER,
    rate                 INTEGER NOT NULL,
    quantity             INTEGER NOT NULL,
    description          TEXT NOT NULL DEFAULT '',
    source               TEXT NOT NULL CHECK (source IN ('REQUESTED','PACKAGE','RELATED'))
);
CREATE INDEX order_products_item ON order_products (order_item_id, id);

-- Inventory given with an order (ESN, WirelessICCID).
CREATE TABLE order_inventory (
    order_item_id  INTEGER NOT NULL REFERENCES order_items(id),
    order_id       INTEGER NOT NULL REFERENCES orders(id),
    identifier     TEXT NOT NULL REFERENCES inventory(identifier),
    PRIMARY KEY (order_item_id, identifier)
);
CREATE INDEX order_inventory_identifier ON order_inventory (identifier, order_id);

-- A port-in request (NewOrders_Create's WirelessPort). The PIN is sealed
-- with the data key.
CREATE TABLE order_wireless_ports (
    order_id           INTEGER PRIMARY KEY REFERENCES orders(id),
    mdn                TEXT NOT NULL,
    account_number     TEXT NOT NULL,
    authorized_signer  TEXT NOT NULL,
    pin_password_enc   TEXT NOT NULL,
    remark             TEXT NOT NULL DEFAULT '',
    address_id         INTEGER NOT NULL REFERENCES addresses(id),
    external_provider  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_wireless_ports_mdn ON order_wireless_ports (mdn);

-- How many orders are in each status, kept in the transaction of every
-- order created and every status change.
CREATE TABLE order_status_counts (
    status  TEXT PRIMARY KEY,
    n       INTEGER NOT NULL DEFAULT 0 CHECK (n >= 0)
);
INSERT INTO order_status_counts (status, n) VALUES
    ('NEW', 0), ('SENT', 0), ('ERROR', 0), ('CONFIRMED', 0), ('COMPLETE', 0), ('CANCELED', 0),
    ('HOLD', 0), ('FLOW_ERROR', 0), ('PAYMENT_HOLD', 0), ('LIFELINE_HOLD', 0), ('JEOPARDY', 0), ('PROVISIONED', 0);

COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
DROP TABLE order_status_counts;
DROP TABLE order_wireless_ports;
DROP TABLE order_inventory;
DROP TABLE order_products;
DROP TABLE order_items;
DROP TABLE orders;
COMMIT;
PRAGMA foreign_keys = ON;
