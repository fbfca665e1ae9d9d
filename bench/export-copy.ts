// The baseline the export is held against: Postgres `COPY (SELECT …) TO STDOUT WITH (FORMAT csv,
// HEADER)` of the same rows and columns, as the RLS-bound app role, every byte drained by the
// client. pg has no COPY OUT helper and pg-copy-streams is not a dependency, so this is the few
// lines of pg's "submittable" protocol it needs: bytes are counted as they arrive, never held.
import pg from 'pg';
import { EXPORT_ENTITIES } from '../domain/export-entities.ts';

export const BASELINE_TABLES = ['customers', 'bookings'] as const;

/** The columns the export writes for `table`, so COPY produces the same fields. */
function exportedColumns(table: string): string {
  const entity = EXPORT_ENTITIES.find((e) => e.name === table);
  if (!entity) throw new Error(`the export has no entity ${table}`);
  return entity.columns.map((c) => (c.sql ? `${c.sql} AS ${c.name}` : c.name)).join(', ');
}

export interface CopyResult {
  table: string;
  rows: number;
  bytes: number;
  ms: number;
}

/** One COPY … TO STDOUT on `client`, resolving when Postgres says it is complete. */
function copyOut(client: pg.Client, sql: string): Promise<{ rows: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let rows = 0;
    let failed: unknown;
    const submittable = {
      submit(connection: { query: (text: string) => void }) {
        connection.query(sql);
      },
      handleCopyData(message: { chunk: Buffer }) {
        bytes += message.chunk.length;
      },
      handleCommandComplete(message: { text: string }) {
        rows = Number(message.text.split(' ')[1] ?? 0); // "COPY 100000"
      },
      handleError(error: unknown) {
        failed = error;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve({ rows, bytes });
      },
      // Not reached for COPY OUT, but pg calls these on any active query.
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyInResponse() {},
    };
    client.query(submittable as unknown as pg.Submittable);
  });
}

/**
 * COPYs each baseline table of one tenant, in one transaction with `app.tenant_id` set, exactly as
 * the product scopes its reads. `appDatabaseUrl` must be the RLS-bound role, so RLS costs the same.
 */
export async function copyTenantTables(appDatabaseUrl: string, tenantId: string): Promise<CopyResult[]> {
  const client = new pg.Client({ connectionString: appDatabaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const results: CopyResult[] = [];
    for (const table of BASELINE_TABLES) {
      const t0 = performance.now();
      const { rows, bytes } = await copyOut(client, `COPY (SELECT ${exportedColumns(table)} FROM ${client.escapeIdentifier(table)} WHERE tenant_id = ${client.escapeLiteral(tenantId)}) TO STDOUT WITH (FORMAT csv, HEADER)`);
      results.push({ table, rows, bytes, ms: performance.now() - t0 });
    }
    await client.query('COMMIT');
    return results;
  } finally {
    await client.end();
  }
}
