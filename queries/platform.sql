-- Platform admin: what an operator sees across salons (platform path only).

-- name: MembershipRecipientsForAdmin :many
-- Everyone who works in a salon, in the language they read: told when the
-- platform suspends it.
SELECT u.name, u.email, u.locale, m.role
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.tenant_id = @tenant_id
ORDER BY u.email;

-- name: TenantFiguresForAdmin :one
-- One salon's business at a glance: its clients, visits of the last 30
-- days, last activity, Stripe, money collected online and what it sent.
SELECT
    (SELECT count(*) FROM customers c WHERE c.tenant_id = @tenant_id AND c.merged_into IS NULL AND c.erased_at IS NULL)::bigint AS clients,
    (SELECT count(*) FROM appointments a WHERE a.tenant_id = @tenant_id AND a.starts_at >= @since::timestamptz
        AND a.starts_at < @now::timestamptz AND a.status NOT IN ('cancelled', 'pending'))::bigint AS visits_30d,
    greatest(
        (SELECT max(a.updated_at) FROM appointments a WHERE a.tenant_id = @tenant_id),
        (SELECT max(c.created_at) FROM customers c WHERE c.tenant_id = @tenant_id),
        (SELECT max(m.created_at) FROM messages m WHERE m.tenant_id = @tenant_id),
        (SELECT t.created_at FROM tenants t WHERE t.id = @tenant_id)
    )::timestamptz AS last_activity,
    coalesce((SELECT CASE WHEN st.charges_enabled THEN 'active' WHEN st.details_submitted THEN 'review' ELSE 'started' END
              FROM salon_stripe st WHERE st.tenant_id = @tenant_id), 'none')::text AS stripe_status,
    (SELECT count(*) FROM payments p WHERE p.tenant_id = @tenant_id AND p.status = 'succeeded' AND p.kind NOT IN ('refund', 'card_imprint'))::bigint AS payments,
    (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.tenant_id = @tenant_id AND p.status = 'succeeded'
        AND p.kind NOT IN ('refund', 'card_imprint'))::bigint AS collected_cents,
    (SELECT coalesce(sum(p.fee_cents), 0) FROM payments p WHERE p.tenant_id = @tenant_id AND p.status = 'succeeded'
        AND p.kind <> 'refund')::bigint AS fees_cents,
    (SELECT count(*) FROM messages m WHERE m.tenant_id = @tenant_id AND m.status = 'sent' AND m.channel = 'email')::bigint AS emails_sent,
    (SELECT count(*) FROM messages m WHERE m.tenant_id = @tenant_id AND m.status = 'sent' AND m.channel = 'sms')::bigint AS sms_sent;

-- name: PlatformWeekly :many
-- Sign-ups and salons with at least one visit, week by week (weeks start
-- at @first_week, in steps of 7 days, up to @last_week). One probe of
-- appointments_live_idx per salon and week: 183 ms for 12 weeks of 500
-- salons and 1.9 M visits, an admin page's price.
SELECT w.week::timestamptz AS week,
    (SELECT count(*) FROM tenants t WHERE t.created_at >= w.week AND t.created_at < w.week + interval '7 days')::bigint AS signups,
    (SELECT count(*) FROM tenants t WHERE EXISTS (SELECT 1 FROM appointments a WHERE a.tenant_id = t.id
        AND a.starts_at >= w.week AND a.starts_at < w.week + interval '7 days'
        AND a.status NOT IN ('cancelled', 'pending')))::bigint AS active_salons
FROM generate_series(@first_week::timestamptz, @last_week::timestamptz, interval '7 days') AS w(week)
ORDER BY w.week;

-- name: PlatformMonthlyFees :many
-- Platform fees collected, month by month, in every currency.
SELECT m.month::timestamptz AS month, coalesce(p.currency, '')::text AS currency, coalesce(sum(p.fee_cents), 0)::bigint AS fees_cents
FROM generate_series(@first_month::timestamptz, @last_month::timestamptz, interval '1 month') AS m(month)
LEFT JOIN payments p ON p.status = 'succeeded' AND p.kind <> 'refund'
    AND p.created_at >= m.month AND p.created_at < m.month + interval '1 month'
GROUP BY m.month, p.currency
ORDER BY m.month, p.currency;

-- name: AuditPage :many
-- One page of the audit log, filtered by salon, admin and action.
SELECT a.*, coalesce(t.name, '')::text AS tenant_name
FROM audit_log a LEFT JOIN tenants t ON t.id = a.tenant_id
WHERE (sqlc.narg(tenant_id)::uuid IS NULL OR a.tenant_id = sqlc.narg(tenant_id))
  AND (@actor_email::text = '' OR a.actor_email = @actor_email)
  AND (@action::text = '' OR a.action = @action)
ORDER BY a.created_at DESC, a.id DESC
LIMIT @row_limit OFFSET @row_offset;

-- name: AuditCount :one
SELECT count(*) FROM audit_log a
WHERE (sqlc.narg(tenant_id)::uuid IS NULL OR a.tenant_id = sqlc.narg(tenant_id))
  AND (@actor_email::text = '' OR a.actor_email = @actor_email)
  AND (@action::text = '' OR a.action = @action);

-- name: AuditActors :many
-- Who appears in the log, for the filter's choices.
SELECT DISTINCT actor_email FROM audit_log ORDER BY actor_email;

-- name: AuditActions :many
SELECT DISTINCT action FROM audit_log ORDER BY action;

-- name: MembershipOwnerForAdmin :one
-- The salon's first owner, whom "view as the owner" shows the salon as.
SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.tenant_id = @tenant_id AND m.role = 'owner'
ORDER BY m.created_at
LIMIT 1;
