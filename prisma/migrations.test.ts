import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testStack, uniqueId } from '../tests/stack.ts';
import { applyMigrations, MIGRATIONS_DIR, migrationDrift } from './migrator.ts';

const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of prisma/migrations with `edit` applied to the SQL of the migration named `folder`. */
async function brokenCopy(folder: string, edit: (sql: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'servicepro-migrations-'));
  scratch.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  const file = path.join(dir, folder, 'migration.sql');
  const sql = await readFile(file, 'utf8');
  const edited = edit(sql);
  expect(edited, 'the edit must change the migration').not.toBe(sql);
  await writeFile(file, edited);
  return dir;
}

describe('migrations', () => {
  it('what prisma/migrations builds (applied to a shadow database) is exactly schema.prisma (no drift)', async () => {
    const drift = await migrationDrift(testStack().adminDatabaseUrl);
    expect(drift).toBe('');
  });

  it('a column deleted from a migration.sql is caught as drift, naming the column', async () => {
    const [first] = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    // The customers table's notes column, gone from the migration that creates it.
    const dir = await brokenCopy(first!, (sql) => sql.replace(/^\s*"notes" TEXT,\n/m, ''));
    const drift = await migrationDrift(testStack().adminDatabaseUrl, dir);
    expect(drift).toMatch(/ALTER TABLE "(public"\.")?customers" ADD COLUMN\s+"notes" TEXT/);
    // The scratch databases the check made are gone again.
    const client = new pg.Client({ connectionString: testStack().clusterAdminUrl });
    await client.connect();
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname LIKE 'servicepro_shadow_%'`);
    await client.end();
    expect(rowCount).toBe(0);
  });

  it('applying them again changes nothing, and each is recorded once in _prisma_migrations', async () => {
    const { adminDatabaseUrl } = testStack();
    expect(await applyMigrations(adminDatabaseUrl)).toEqual([]);
    const client = new pg.Client({ connectionString: adminDatabaseUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name, count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY 1`);
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.n === 1)).toBe(true);
  });

  it("the industry-pack migration moves businesses on the retired 'cleaning' industry to 'house-cleaning' and leaves every other one alone", async () => {
    const sql = await readFile(path.join(MIGRATIONS_DIR, '20261202190000_industry_pack_ids', 'migration.sql'), 'utf8');
    const client = new pg.Client({ connectionString: testStack().adminDatabaseUrl });
    await client.connect();
    try {
      // Inside a transaction that is rolled back: the shared test database keeps no made-up tenants.
      await client.query('BEGIN');
      const industries: Record<string, string | null> = { [uniqueId('mig-clean')]: 'cleaning', [uniqueId('mig-lawn')]: 'lawn-care', [uniqueId('mig-other')]: 'other', [uniqueId('mig-none')]: null };
      for (const [id, industry] of Object.entries(industries)) {
        await client.query('INSERT INTO tenants (id, slug) VALUES ($1, $1)', [id]);
        await client.query('INSERT INTO tenant_config (tenant_id, business_name, industry, updated_at) VALUES ($1, $1, $2, now())', [id, industry]);
      }
      await client.query(sql);
      const { rows } = await client.query('SELECT tenant_id, industry FROM tenant_config WHERE tenant_id = ANY($1)', [Object.keys(industries)]);
      const after = Object.fromEntries(rows.map((row) => [row.tenant_id, row.industry]));
      expect(Object.values(after).sort()).toEqual(['house-cleaning', 'lawn-care', 'other', null].sort());
      expect(after[Object.keys(industries)[0]!]).toBe('house-cleaning');
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});
