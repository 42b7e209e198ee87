-- +goose Up
-- The orders of a TN are read newest first, a page at a time: an order
-- item carries its order's created_at (which never changes), so that
-- (tn, created_at, order_id) yields one TN's orders in the page's order
-- and the read stops after a page, however many orders the TN has.
ALTER TABLE order_items ADD COLUMN created_at TIMESTAMPTZ;
UPDATE order_items i SET created_at = o.created_at FROM orders o WHERE o.id = i.order_id;
ALTER TABLE order_items ALTER COLUMN created_at SET NOT NULL;
CREATE INDEX order_items_tn_created ON order_items (tn, created_at, order_id);
DROP INDEX order_items_tn;

-- +goose Down
CREATE INDEX order_items_tn ON order_items (tn, order_id);
DROP INDEX order_items_tn_created;
ALTER TABLE order_items DROP COLUMN created_at;
