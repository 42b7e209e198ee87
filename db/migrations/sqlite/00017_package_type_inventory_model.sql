-- +goose Up
-- A package is for one service type, so the new-service wizard sets it
-- from the package; the packages there take the type most of their lines
-- have. An inventory item names its model and the carrier it is stocked
-- for, so the device and SIM picker can say what each one is; items on a
-- line take that line's carrier.
ALTER TABLE packages ADD COLUMN line_type_id INTEGER REFERENCES service_types(id);
UPDATE packages SET line_type_id = (
    SELECT l.line_type_id FROM lines l WHERE l.package_id = packages.id AND l.line_type_id IS NOT NULL
    GROUP BY l.line_type_id ORDER BY COUNT(*) DESC, l.line_type_id LIMIT 1);
ALTER TABLE inventory ADD COLUMN model TEXT NOT NULL DEFAULT '';
ALTER TABLE inventory ADD COLUMN carrier_id INTEGER REFERENCES carriers(id);
UPDATE inventory SET carrier_id = (SELECT l.carrier_id FROM lines l WHERE l.id = inventory.line_id) WHERE line_id IS NOT NULL;

-- +goose Down
ALTER TABLE inventory DROP COLUMN carrier_id;
ALTER TABLE inventory DROP COLUMN model;
ALTER TABLE packages DROP COLUMN line_type_id;
