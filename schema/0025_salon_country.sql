-- The salon's country (ISO 3166-1 alpha-2) reads the phone numbers typed in
-- it; it was guessed from the time zone until now. Existing salons get the
-- country that guess gave them, so no stored or typed number reads otherwise.
-- +goose Up
ALTER TABLE tenants ADD COLUMN country text NOT NULL DEFAULT 'FR'
    CONSTRAINT tenants_country_iso CHECK (country ~ '^[A-Z]{2}$');
-- The owner runs migrations; FORCE is lifted for the backfill only, so it
-- sees every salon even when the owner is not a superuser.
ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
UPDATE tenants SET country = CASE time_zone
    WHEN 'Europe/Brussels' THEN 'BE'
    WHEN 'Europe/Zurich' THEN 'CH'
    WHEN 'Europe/Luxembourg' THEN 'LU'
    WHEN 'Europe/Monaco' THEN 'MC'
    WHEN 'Europe/London' THEN 'GB'
    WHEN 'America/Montreal' THEN 'CA'
    WHEN 'America/New_York' THEN 'US'
    WHEN 'Indian/Reunion' THEN 'RE'
    WHEN 'America/Guadeloupe' THEN 'GP'
    WHEN 'America/Martinique' THEN 'MQ'
    ELSE 'FR' END;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
GRANT SELECT (country), INSERT (country), UPDATE (country) ON tenants TO carnet_app;

-- +goose Down
ALTER TABLE tenants DROP COLUMN country;
