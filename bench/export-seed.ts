// Seeds the export benchmark's tenant in seconds with set-based SQL as the database owner:
// seeding is not what is measured. Names, notes and addresses carry what CSV must quote (commas,
// double quotes, newlines) and non-ASCII text, the way real customer records do.
import pg from 'pg';

export interface SeedSize {
  customers: number;
  bookings: number;
}

export interface SeedCounts {
  customers: number;
  bookings: number;
  services: number;
  vehicles: number;
  invoices: number;
  seedSeconds: number;
}

const FIRST = ['James', 'María', 'José', 'Zoë', 'Łukasz', 'Søren', 'Aiyana', '王芳', 'Nguyễn Văn', 'Chloé', 'Olu', 'Ana María', 'Bob "Bubba"', 'Priya', 'Mohammed', 'Ingrid', 'Dmitri', 'Keiko', 'Seán', 'Fatima'];
const LAST = ["O'Brien", 'Smith', 'García', 'Müller', 'Johnson', 'Nowak', 'Kowalczyk', 'Tanaka', 'Okafor', 'Brown', 'Dubois', 'Rossi', 'Haddad', 'Lindqvist', 'Patel', 'Ramírez', 'Chen', 'Novák'];
const SERVICES: Array<[string, string | null, number, number]> = [
  ['Full detail', 'Interior + exterior, clay bar, wax', 24900, 240],
  ['Exterior wash', 'Hand wash, "no brushes"', 4900, 60],
  ['Interior, deep clean', 'Shampoo seats,\nsteam vents', 14900, 150],
  ['Ceramic coating', 'Two layers — 5-year warranty', 89900, 480],
  ['Headlight restoration', null, 7900, 45],
];

const sqlArray = (client: pg.Client, values: string[]) => `ARRAY[${values.map((v) => client.escapeLiteral(v)).join(',')}]`;

/** Creates `tenantId`'s customers, bookings, a few services and a little of the rest, then VACUUM ANALYZE. */
export async function seedExportTenant(adminDatabaseUrl: string, tenantId: string, size: SeedSize): Promise<SeedCounts> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // One resource takes every booking: they are 8 hours apart, so none overlap (bookings_no_overlap).
    await client.query(`INSERT INTO resources (id, tenant_id, name) VALUES (gen_random_uuid(), $1, 'Team')`, [tenantId]);
    for (const [name, description, priceCents, durationMin] of SERVICES) {
      await client.query('INSERT INTO services (id, tenant_id, name, description, price_cents, duration_min) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)', [tenantId, name, description, priceCents, durationMin]);
    }

    await client.query(
      `INSERT INTO customers (id, tenant_id, name, phone, email, notes, created_at, updated_at)
       SELECT gen_random_uuid(), $1,
              n.first[1 + g % array_length(n.first, 1)] || ' ' || n.last[1 + (g / 7) % array_length(n.last, 1)] || CASE WHEN g % 11 = 0 THEN ', Jr.' ELSE '' END,
              '+1' || (2000000000 + g)::text,
              CASE WHEN g % 13 = 0 THEN NULL
                   ELSE coalesce(nullif(lower(regexp_replace(n.first[1 + g % array_length(n.first, 1)], '[^A-Za-z]', '', 'g')), ''), 'customer') || '.' || g || '@example.com' END,
              CASE g % 6 WHEN 0 THEN NULL
                         WHEN 1 THEN 'Prefers "hand wash" only, no brushes'
                         WHEN 2 THEN E'Gate code 4411\\nDog in the yard — ring twice'
                         WHEN 3 THEN 'Café owner; pays by card 🚗'
                         WHEN 4 THEN E'Said: "call first, then text",\\r\\nnot before 9'
                         ELSE 'Regular, every ' || (2 + g % 4) || ' weeks' END,
              t.at, t.at
       FROM generate_series(1, $2::int) AS g
       CROSS JOIN (SELECT ${sqlArray(client, FIRST)} AS first, ${sqlArray(client, LAST)} AS last) AS n
       CROSS JOIN LATERAL (SELECT timestamptz '2023-01-01 09:00Z' + g * interval '7 minutes' AS at) AS t`,
      [tenantId, size.customers],
    );

    // A vehicle for every 50th customer: other entities stay small.
    await client.query(
      `INSERT INTO vehicles (id, tenant_id, customer_id, description, details)
       SELECT gen_random_uuid(), $1, c.id, (ARRAY['2019 Ford F-150', 'Tesla Model 3, white', 'Subaru "Outback"', 'Škoda Octavia'])[1 + c.rn % 4], jsonb_build_object('plate', 'BNC-' || c.rn)
       FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS rn FROM customers WHERE tenant_id = $1) AS c
       WHERE c.rn % 50 = 0`,
      [tenantId],
    );

    await client.query(
      `WITH c AS (SELECT id, row_number() OVER (ORDER BY created_at, id) - 1 AS rn FROM customers WHERE tenant_id = $1),
            s AS (SELECT id, price_cents, duration_min, row_number() OVER (ORDER BY name) - 1 AS rn FROM services WHERE tenant_id = $1)
       INSERT INTO bookings (id, tenant_id, customer_id, service_id, resource_id, starts_at, ends_at, blocked_from, blocked_until, status, address, notes, price_cents, created_at, updated_at)
       SELECT gen_random_uuid(), $1, c.id, s.id, r.id, t.at, t.at + make_interval(mins => s.duration_min), t.at, t.at + make_interval(mins => s.duration_min),
              (ARRAY['completed', 'confirmed', 'cancelled', 'no_show'])[1 + g % 4]::booking_status,
              (100 + g % 9000)::text || ' ' || (ARRAY['Main St', 'Oak Ave, Apt 4', 'Rue de l''Église', 'Calle Ñandú'])[1 + g % 4] || ', Tulsa, OK',
              CASE g % 3 WHEN 0 THEN NULL WHEN 1 THEN 'Customer said: "park in back"' ELSE E'Bring ladder\\nsecond-floor windows' END,
              s.price_cents, t.at - interval '3 days', t.at - interval '3 days'
       FROM generate_series(0, $2::int - 1) AS g
       CROSS JOIN (SELECT id FROM resources WHERE tenant_id = $1 LIMIT 1) AS r
       JOIN c ON c.rn = g % $3::int
       JOIN s ON s.rn = g % $4::int
       CROSS JOIN LATERAL (SELECT timestamptz '2024-01-01 08:00Z' + g * interval '8 hours' AS at) AS t`,
      [tenantId, size.bookings, size.customers, SERVICES.length],
    );

    // A few invoices, one per 200th booking.
    await client.query(
      `INSERT INTO invoices (id, tenant_id, number, customer_id, booking_id, amount_cents, status, issued_at, paid_at)
       SELECT gen_random_uuid(), $1, 'INV-' || lpad(a.rn::text, 6, '0'), a.customer_id, a.id, a.price_cents, 'paid', a.ends_at, a.ends_at + interval '2 days'
       FROM (SELECT id, customer_id, price_cents, ends_at, row_number() OVER (ORDER BY starts_at, id) AS rn FROM bookings WHERE tenant_id = $1) AS a
       WHERE a.rn % 200 = 0`,
      [tenantId],
    );
    await client.query('COMMIT');
    // Visibility map and statistics set, so neither the baseline nor the export pays for hint bits.
    await client.query('VACUUM ANALYZE customers, vehicles, services, resources, bookings, invoices');

    const count = async (table: string) => Number((await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0].n);
    return {
      customers: await count('customers'),
      bookings: await count('bookings'),
      services: await count('services'),
      vehicles: await count('vehicles'),
      invoices: await count('invoices'),
      seedSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
