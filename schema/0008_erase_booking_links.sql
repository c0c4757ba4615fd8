-- +goose Up
-- Erasing a client also revokes the manage links of their bookings: an old
-- email must not open a page about a person who is gone.
GRANT DELETE ON booking_links TO carnet_app;

-- +goose Down
REVOKE DELETE ON booking_links FROM carnet_app;
