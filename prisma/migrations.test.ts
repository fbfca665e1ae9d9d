import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testStack } from '../tests/stack.ts';
import { applyMigrations, sqlForNewMigration } from './migrator.ts';

describe('migrations', () => {
  it('schema.prisma is fully described by prisma/migrations (no drift)', async () => {
    const sql = await sqlForNewMigration(testStack().adminDatabaseUrl);
    expect(sql.replace(/--.*$/gm, '').trim()).toBe('');
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
});
