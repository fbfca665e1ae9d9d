import { inject } from 'vitest';

export interface TestStack {
  /** Owner of the test database: migrations, and checks that must look past RLS. */
  adminDatabaseUrl: string;
  /** The RLS-bound application role, as the product connects. */
  appDatabaseUrl: string;
  clusterAdminUrl: string;
  temporalAddress: string;
  temporalUiUrl: string;
  temporalNamespace: string;
  masterKeyBase64: string;
  /** The seeded platform owner (owner of root). */
  owner: { email: string; password: string };
}

export function testStack(): TestStack {
  return inject('stack');
}

/** A unique id for this test's data, so files can share one database and one Temporal. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
