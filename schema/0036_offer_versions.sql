-- +goose Up
-- A salon's public offer (settings, Stripe account, opening hours,
-- categories, services, staff with their services and hours) is kept in
-- each instance's memory and read again only when its version moved: the
-- public page then costs one tiny read instead of eight, whichever instance
-- made the change. Every write to those tables bumps the version, through
-- these triggers, so no path (back office, import, seed, a script) can
-- forget it.
CREATE TABLE offer_versions (
    tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    version   bigint NOT NULL
);
ALTER TABLE offer_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE offer_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY offer_versions_app ON offer_versions TO carnet_app
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY offer_versions_platform ON offer_versions TO carnet_platform USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON offer_versions TO carnet_app;
GRANT SELECT, INSERT, UPDATE ON offer_versions TO carnet_platform;

-- Versions come from one sequence, never from the row's own count: restoring
-- one salon from a dump (README, triggers held) brings its old version back
-- with its old rows, and a count started again from there would one day
-- equal a version an instance still holds with other rows. Values from the
-- sequence are never issued twice.
CREATE SEQUENCE offer_versions_seq;
GRANT USAGE ON SEQUENCE offer_versions_seq TO carnet_app, carnet_platform;

-- The bump runs at commit (a deferred constraint trigger), after every
-- other lock the transaction took: two transactions that change one salon's
-- services and hours in opposite orders cannot deadlock on the version row.
-- The version is read before the offer, so a reader that raced a change
-- keeps the old version with the new rows and reads them again next time,
-- never the other way round.
-- +goose StatementBegin
CREATE FUNCTION offer_changed() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
    salon uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
BEGIN
    INSERT INTO offer_versions (tenant_id, version) SELECT salon, nextval('offer_versions_seq')
    WHERE EXISTS (SELECT 1 FROM tenants t WHERE t.id = salon)
    ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE CONSTRAINT TRIGGER salon_settings_offer AFTER INSERT OR UPDATE OR DELETE ON salon_settings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION offer_changed();
CREATE CONSTRAINT TRIGGER salon_stripe_offer AFTER INSERT OR UPDATE OR DELETE ON salon_stripe
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION offer_changed();
CREATE CONSTRAINT TRIGGER opening_hours_offer AFTER INSERT OR UPDATE OR DELETE ON opening_hours
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION offer_changed();
CREATE CONSTRAINT TRIGGER service_categories_offer AFTER INSERT OR UPDATE OR DELETE ON service_categories
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION offer_changed();
CREATE CONSTRAINT TRIGGER services_offer AFTER INSERT OR UPDATE OR DELETE ON services
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION offer_changed();
CREATE CONSTRAINT TRIGGER staff_members_offer AFTER INSERT OR UPDATE OR DELETE ON staff_members
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION offer_changed();
CREATE CONSTRAINT TRIGGER staff_services_offer AFTER INSERT OR UPDATE OR DELETE ON staff_services
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION offer_changed();
CREATE CONSTRAINT TRIGGER staff_hours_offer AFTER INSERT OR UPDATE OR DELETE ON staff_hours
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION offer_changed();

-- +goose Down
DROP TRIGGER staff_hours_offer ON staff_hours;
DROP TRIGGER staff_services_offer ON staff_services;
DROP TRIGGER staff_members_offer ON staff_members;
DROP TRIGGER services_offer ON services;
DROP TRIGGER service_categories_offer ON service_categories;
DROP TRIGGER opening_hours_offer ON opening_hours;
DROP TRIGGER salon_stripe_offer ON salon_stripe;
DROP TRIGGER salon_settings_offer ON salon_settings;
DROP FUNCTION offer_changed();
DROP TABLE offer_versions;
DROP SEQUENCE offer_versions_seq;
