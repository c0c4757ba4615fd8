-- +goose Up
-- Each client is written to in their own language: the salon's when the
-- salon creates the record, the page's when the client books online, and
-- changeable on the record. Every message to the client follows it.
ALTER TABLE customers ADD COLUMN lang text;
-- Existing clients keep the language they last booked in online, else the
-- salon's. The owner runs migrations; FORCE is lifted for the backfill only,
-- so it sees every salon's rows even when the owner is not a superuser.
ALTER TABLE customers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
ALTER TABLE appointments NO FORCE ROW LEVEL SECURITY;
ALTER TABLE bookings NO FORCE ROW LEVEL SECURITY;
UPDATE customers c SET lang = coalesce(
    (SELECT b.lang FROM bookings b JOIN appointments a ON a.tenant_id = b.tenant_id AND a.id = b.appointment_id
     WHERE a.tenant_id = c.tenant_id AND a.customer_id = c.id AND b.lang IN ('fr', 'en')
     ORDER BY b.created_at DESC LIMIT 1),
    (SELECT t.locale FROM tenants t WHERE t.id = c.tenant_id));
ALTER TABLE customers FORCE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
ALTER TABLE appointments FORCE ROW LEVEL SECURITY;
ALTER TABLE bookings FORCE ROW LEVEL SECURITY;
-- No default: every way a client is created says which language it is
-- (a default of 'fr' would quietly write to an English salon's clients in French).
ALTER TABLE customers ALTER COLUMN lang SET NOT NULL,
    ADD CONSTRAINT customers_lang_check CHECK (lang IN ('fr', 'en'));

-- +goose Down
ALTER TABLE customers DROP COLUMN lang;
