import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';

const { temporal } = proto; // a CommonJS module: named imports fail under Node's ESM loader
import { SEARCH_ATTRIBUTES } from '../../domain/workflow-ids.ts';
import { temporalDataConverter } from './codec.ts';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  masterKey: Buffer;
}

/** A Temporal client whose payloads (and failure messages) are encrypted with ServicePro's codec. */
export async function connectTemporalClient(settings: TemporalSettings): Promise<Client> {
  const connection = await Connection.connect({ address: settings.address });
  return new Client({
    connection,
    namespace: settings.namespace,
    dataConverter: temporalDataConverter(settings.masterKey),
  });
}

const INDEXED_VALUE_TYPE = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
} as const;

/** Registers TenantId/TenantTier/TenantStatus on a server that does not have them yet (idempotent). */
export async function ensureSearchAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !(name in (existing.customAttributes ?? {})));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, INDEXED_VALUE_TYPE[type]])),
  });
}
