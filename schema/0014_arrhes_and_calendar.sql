-- +goose Up
-- The name of the advance the client accepted, kept with the booking: with
-- arrhes, a salon that cancels owes the client double (Code de la
-- consommation, art. L214-1), whatever the salon calls its advances later.
-- Bookings made before this column follow the salon's current word (NULL).
-- The calendar file's SEQUENCE (RFC 5545): each change sent to the client
-- (moved, cancelled) raises it, so phone calendars replace the old event.
ALTER TABLE bookings
    ADD COLUMN deposit_name text CHECK (deposit_name IN ('acompte', 'arrhes')),
    ADD COLUMN ics_sequence integer NOT NULL DEFAULT 0 CHECK (ics_sequence >= 0);

-- What a salon owes a client on top of the refund when it cancels a visit
-- paid with arrhes: recorded once per visit, as credit on the client's account.
-- Arrhes kept as credit are named as such (arrhes_credit), as an acompte is
-- (deposit_credit).
ALTER TABLE customer_ledger DROP CONSTRAINT customer_ledger_reason_check;
ALTER TABLE customer_ledger ADD CONSTRAINT customer_ledger_reason_check
    CHECK (reason IN ('manual', 'deposit_credit', 'no_show_fee', 'payment', 'refund', 'merge', 'import', 'arrhes_double', 'arrhes_credit'));
CREATE UNIQUE INDEX customer_ledger_arrhes_double_idx ON customer_ledger (tenant_id, appointment_id) WHERE reason = 'arrhes_double';

-- +goose Down
DROP INDEX customer_ledger_arrhes_double_idx;
ALTER TABLE customer_ledger DROP CONSTRAINT customer_ledger_reason_check;
ALTER TABLE customer_ledger ADD CONSTRAINT customer_ledger_reason_check
    CHECK (reason IN ('manual', 'deposit_credit', 'no_show_fee', 'payment', 'refund', 'merge', 'import'));
ALTER TABLE bookings DROP COLUMN ics_sequence, DROP COLUMN deposit_name;
