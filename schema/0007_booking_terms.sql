-- +goose Up
-- The terms a client accepted, kept with the booking: a salon changing its
-- cancellation window, its refund rule or its no-show fee later does not
-- change the deal of a visit already booked. Bookings made before this column keep following the
-- salon's current settings (NULL).
ALTER TABLE bookings
    ADD COLUMN cancel_window_hours integer CHECK (cancel_window_hours >= 0),
    ADD COLUMN cancel_refund text CHECK (cancel_refund IN ('refund', 'credit')),
    ADD COLUMN no_show_fee_cents bigint CHECK (no_show_fee_cents >= 0);

-- +goose Down
ALTER TABLE bookings DROP COLUMN no_show_fee_cents, DROP COLUMN cancel_refund, DROP COLUMN cancel_window_hours;
