-- +goose Up
-- Reconnect ports (seed 000): a customer's Verizon Wireless service is
-- disconnected, then a new service on the same inventory gets a number
-- ported in. Secrets are sealed with the data key. At most one open port
-- per line and per MDN. wake names the step job that is due; version is
-- bumped by every change.
CREATE TABLE reconnect_ports (
    id                    INTEGER PRIMARY KEY,
    customer_id           INTEGER NOT NULL REFERENCES customers(id),
    line_id               INTEGER NOT NULL REFERENCES lines(id),
    tn                    TEXT NOT NULL,
    new_line_id           INTEGER REFERENCES lines(id),
    inventory_identifier  TEXT NOT NULL,
    inventory_type        TEXT NOT NULL CHECK (inventory_type IN ('Mobile_Device','SIM_Card')),
    port_mdn              TEXT NOT NULL,
    account_number        TEXT NOT NULL,
    authorized_signer     TEXT NOT NULL,
    pin_password_enc      TEXT NOT NULL,
    remark                TEXT NOT NULL DEFAULT '',
    ssn_enc               TEXT NOT NULL DEFAULT '',
    tax_id_enc            TEXT NOT NULL DEFAULT '',
    address_id            INTEGER NOT NULL REFERENCES addresses(id),
    stage                 TEXT NOT NULL CHECK (stage IN ('disconnecting','porting','resolution_required','completed','errored')),
    error_message         TEXT NOT NULL DEFAULT '',
    created_at            TIMESTAMP NOT NULL,
    created_by            INTEGER REFERENCES users(id),
    status_date           TIMESTAMP,
    stage_date            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    wake                  INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX reconnect_ports_open_line ON reconnect_ports (line_id) WHERE stage NOT IN ('completed','errored');
CREATE UNIQUE INDEX reconnect_ports_open_mdn ON reconnect_ports (port_mdn) WHERE stage NOT IN ('completed','errored');
CREATE INDEX reconnect_ports_created ON reconnect_ports (created_at, id);
CREATE INDEX reconnect_ports_stage ON reconnect_ports (stage, created_at);

-- The orders of a port: kind 'disconnect' or 'reconnect', in the order opened.
CREATE TABLE reconnect_port_orders (
    port_id   INTEGER NOT NULL REFERENCES reconnect_ports(id),
    order_id  INTEGER NOT NULL UNIQUE REFERENCES orders(id),
    kind      TEXT NOT NULL CHECK (kind IN ('disconnect','reconnect')),
    PRIMARY KEY (port_id, order_id)
);

-- Every change to a port, numbered: the board's event ids, so a board that
-- reconnects asks for what it missed (Last-Event-ID).
CREATE TABLE reconnect_port_events (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    port_id  INTEGER NOT NULL REFERENCES reconnect_ports(id),
    at       TIMESTAMP NOT NULL
);
CREATE INDEX reconnect_port_events_port ON reconnect_port_events (port_id, id);

-- +goose Down
DROP TABLE reconnect_port_events;
DROP TABLE reconnect_port_orders;
DROP TABLE reconnect_ports;
