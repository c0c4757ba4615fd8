-- Copies the demo salon (slug demo) into salons salon-0001 … salon-NNNN for
-- load tests, with an owner each (owner-0001@carnet.test …, the demo owner's
-- password). A scratch database only: it runs as the superuser with triggers
-- and foreign-key checks off (session_replication_role = replica).
--   psql -h 127.0.0.1 -U postgres -d carnet_load -v n=300 -f cmd/carnet-load/clone_salons.sql
SET session_replication_role = replica;
CREATE TEMP TABLE clone_count AS SELECT :n::int AS count;
CREATE TEMP TABLE clone_ids (old uuid PRIMARY KEY);
CREATE TEMP TABLE clone_tables AS
  SELECT c.table_name::text AS t FROM information_schema.columns c
  WHERE c.column_name = 'tenant_id' AND c.table_schema = 'public'
    AND c.table_name NOT IN ('audit_log', 'messages', 'activity');

DO $$
DECLARE r record; demo uuid;
BEGIN
  SELECT id INTO demo FROM tenants WHERE slug = 'demo';
  INSERT INTO clone_ids VALUES (demo);
  INSERT INTO clone_ids SELECT user_id FROM memberships WHERE tenant_id = demo ON CONFLICT DO NOTHING;
  FOR r IN SELECT t FROM clone_tables LOOP
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = r.t AND column_name = 'id') THEN
      EXECUTE format('INSERT INTO clone_ids SELECT id FROM %I WHERE tenant_id = $1 ON CONFLICT DO NOTHING', r.t) USING demo;
    END IF;
  END LOOP;
END $$;

-- remap: a salon-owned id becomes a fixed id of copy n; any other uuid stays.
CREATE FUNCTION pg_temp.remap(v uuid, n int) RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT CASE WHEN v IN (SELECT old FROM clone_ids) THEN md5(v::text || n)::uuid ELSE v END $$;

CREATE FUNCTION pg_temp.copy_sql(tbl text, filter text) RETURNS text LANGUAGE sql AS $$
  SELECT format('INSERT INTO %I (%s) SELECT %s FROM %I WHERE %s', tbl,
    string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
    string_agg(CASE WHEN udt_name = 'uuid' THEN format('pg_temp.remap(%I, $1)', column_name)
                    WHEN tbl = 'tenants' AND column_name = 'slug' THEN format('$2')
                    WHEN tbl = 'tenants' AND column_name = 'name' THEN format('''Salon '' || $2')
                    WHEN tbl = 'tenants' AND column_name = 'demo' THEN 'false'
                    WHEN tbl = 'users' AND column_name = 'email' THEN format('$3')
                    ELSE quote_ident(column_name) END, ', ' ORDER BY ordinal_position),
    tbl, filter)
  FROM information_schema.columns WHERE table_schema = 'public' AND table_name = tbl
    AND is_generated = 'NEVER'
$$;

DO $$
DECLARE n int; r record; s text; demo uuid;
BEGIN
  SELECT id INTO demo FROM tenants WHERE slug = 'demo';
  FOR n IN 1..(SELECT count FROM clone_count) LOOP
    s := 'salon-' || lpad(n::text, 4, '0');
    CONTINUE WHEN EXISTS (SELECT 1 FROM tenants t WHERE t.slug = s);
    EXECUTE pg_temp.copy_sql('tenants', format('id = %L', demo)) USING n, s, '';
    EXECUTE pg_temp.copy_sql('users', format('id IN (SELECT user_id FROM memberships WHERE tenant_id = %L)', demo))
      USING n, s, 'owner-' || lpad(n::text, 4, '0') || '@carnet.test';
    FOR r IN SELECT t FROM clone_tables LOOP
      EXECUTE pg_temp.copy_sql(r.t, format('tenant_id = %L', demo)) USING n, s, '';
    END LOOP;
  END LOOP;
END $$;
ANALYZE;
