-- name: SalonSettingsCreate :exec
INSERT INTO salon_settings (tenant_id) VALUES (@tenant_id) ON CONFLICT DO NOTHING;

-- name: SalonSettingsGet :one
SELECT * FROM salon_settings WHERE tenant_id = @tenant_id;

-- name: SalonSettingsUpdate :exec
UPDATE salon_settings SET
    address = @address, phone = @phone, email = @email, sms_sender = @sms_sender,
    slot_step_minutes = @slot_step_minutes, min_notice_minutes = @min_notice_minutes,
    max_horizon_days = @max_horizon_days, cancellation_window_hours = @cancellation_window_hours,
    no_show_fee_cents = @no_show_fee_cents, payment_rule = @payment_rule,
    deposit_kind = @deposit_kind, deposit_value = @deposit_value,
    book_without_payment = @book_without_payment, cancel_refund = @cancel_refund,
    deposit_name = @deposit_name, policy_text = @policy_text, updated_at = now()
WHERE tenant_id = @tenant_id;

-- name: TenantUpdateProfile :exec
UPDATE tenants SET name = @name, time_zone = @time_zone, currency = @currency, locale = @locale, country = @country
WHERE id = @id;

-- name: SettingsPriceFloor :one
-- The cheapest services a salon's fee and default deposit apply to (-1: none):
-- neither may be above the price of a visit booked online.
SELECT coalesce(min(price_cents) FILTER (WHERE online_bookable), -1)::bigint AS cheapest_online,
       coalesce(min(price_cents) FILTER (WHERE online_bookable AND payment_rule IS NULL), -1)::bigint AS cheapest_default
FROM services WHERE tenant_id = @tenant_id AND archived_at IS NULL;

-- name: OfferVersion :one
-- The version of the salon's public offer (0 before its first change):
-- booking.Booking keeps the offer it read under this version.
SELECT coalesce((SELECT version FROM offer_versions WHERE tenant_id = @tenant_id), 0)::bigint AS version;
