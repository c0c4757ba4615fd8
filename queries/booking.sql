-- name: BookingCreate :one
INSERT INTO bookings (tenant_id, appointment_id, customer_id, lang, email, payment_mode, amount_due_cents,
                      currency, status, stripe_account_id, policy_text, policy_hash, card_consent, consent_at, consent_ip,
                      cancel_window_hours, cancel_refund, no_show_fee_cents, request_key, deposit_name)
VALUES (@tenant_id, @appointment_id, @customer_id, @lang, @email, @payment_mode, @amount_due_cents,
        @currency, @status, @stripe_account_id, @policy_text, @policy_hash, @card_consent, @consent_at, @consent_ip,
        @cancel_window_hours, @cancel_refund, @no_show_fee_cents, sqlc.narg(request_key), @deposit_name)
RETURNING *;

-- name: BookingLockRequest :exec
-- Serialises the submissions of one form: the second waits for the first,
-- then finds its booking.
SELECT pg_advisory_xact_lock(hashtextextended(@tenant_id::text || encode(@request_key::bytea, 'hex'), 7424160));

-- name: BookingByRequest :one
SELECT * FROM bookings WHERE tenant_id = @tenant_id AND request_key = @request_key;

-- name: BookingForgetRequest :exec
-- A booking that is no more (never paid, cancelled) frees its form: sent again, it books anew.
UPDATE bookings SET request_key = NULL, updated_at = now() WHERE tenant_id = @tenant_id AND id = @id;

-- name: BookingLinkAdd :exec
INSERT INTO booking_links (token_hash, tenant_id, booking_id) VALUES (@token_hash, @tenant_id, @booking_id);

-- name: BookingSetSession :exec
UPDATE bookings SET checkout_session_id = @checkout_session_id, checkout_url = @checkout_url, updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id;

-- name: BookingGet :one
SELECT * FROM bookings WHERE tenant_id = @tenant_id AND id = @id;

-- name: BookingOfAppointment :one
SELECT * FROM bookings WHERE tenant_id = @tenant_id AND appointment_id = @appointment_id;

-- name: BookingByToken :one
-- Looked up from a client's manage link, on the salon of the URL only.
SELECT b.* FROM booking_links l JOIN bookings b ON b.id = l.booking_id
WHERE l.tenant_id = @tenant_id AND l.token_hash = @token_hash;

-- name: BookingLocate :one
-- Which salon a Stripe object belongs to (platform path: webhooks arrive without a salon).
SELECT tenant_id, id FROM bookings WHERE checkout_session_id = @checkout_session_id;

-- name: BookingSetStatus :execrows
UPDATE bookings SET status = @status, updated_at = now(),
    cancelled_at = CASE WHEN @status::text = 'cancelled' THEN now() ELSE cancelled_at END
WHERE tenant_id = @tenant_id AND id = @id AND status = ANY(@from_statuses::text[]);

-- name: BookingExpiredHolds :many
-- Holds whose time is up, in every salon (or in one, when tenant_id is set):
-- the sweeper releases them. The partial index on the hold's expiry reads
-- only those, not every hold being paid for.
SELECT b.tenant_id, b.id, b.appointment_id, b.checkout_session_id, b.stripe_account_id
FROM appointments a JOIN bookings b ON b.appointment_id = a.id
WHERE a.status = 'pending' AND a.hold_expires_at IS NOT NULL AND a.hold_expires_at <= @now::timestamptz
  AND b.status = 'awaiting_payment'
  AND (sqlc.narg(tenant_id)::uuid IS NULL OR b.tenant_id = sqlc.narg(tenant_id))
ORDER BY a.hold_expires_at
LIMIT 200;

-- name: AppointmentConfirmHold :execrows
UPDATE appointments SET status = 'booked', hold_expires_at = NULL, updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id AND status = 'pending';

-- name: AppointmentReleaseHold :execrows
UPDATE appointments SET status = 'cancelled', cancelled_at = now(), hold_expires_at = NULL, updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id AND status = 'pending';

-- name: StripeEventInsert :execrows
INSERT INTO stripe_events (id, type, account_id, payload) VALUES (@id, @type, @account_id, @payload)
ON CONFLICT (id) DO NOTHING;

-- name: StripeEventGet :one
SELECT * FROM stripe_events WHERE id = @id;

-- name: StripeEventDone :exec
UPDATE stripe_events SET processed_at = now(), outcome = @outcome WHERE id = @id;

-- name: AppointmentRevive :execrows
-- A payment that completed after its hold was released: the visit comes back
-- if its time is still free (the exclusion constraint says so).
UPDATE appointments SET status = 'booked', cancelled_at = NULL, updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id AND status = 'cancelled';

-- name: AppointmentStatus :one
SELECT status FROM appointments WHERE tenant_id = @tenant_id AND id = @id;

-- name: BookingNextSequence :one
-- A change of the visit the client's calendar must take over the old event.
UPDATE bookings SET ics_sequence = ics_sequence + 1, updated_at = now()
WHERE tenant_id = @tenant_id AND id = @id
RETURNING ics_sequence;
