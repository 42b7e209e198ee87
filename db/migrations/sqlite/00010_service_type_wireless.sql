-- +goose Up
-- A service type says whether it is for wireless lines, so what fits a
-- package's carrier comes from the data, never from the type's name. The
-- types there are already take it from the carriers of the lines on them.
ALTER TABLE service_types ADD COLUMN wireless BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE service_types SET wireless = TRUE WHERE id IN (
    SELECT l.line_type_id FROM lines l JOIN carriers c ON c.id = l.carrier_id WHERE c.wireless);

-- +goose Down
ALTER TABLE service_types DROP COLUMN wireless;
