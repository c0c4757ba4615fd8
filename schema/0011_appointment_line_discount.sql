-- +goose Up
-- A visit's line keeps the category discount its price was given (employees'
-- prices…), whichever way it was booked, so the appointment can say why the
-- price differs from the menu's. In basis points, like the categories'.
ALTER TABLE appointment_services ADD COLUMN discount_bp integer NOT NULL DEFAULT 0
    CHECK (discount_bp BETWEEN 0 AND 10000);

-- +goose Down
ALTER TABLE appointment_services DROP COLUMN discount_bp;
