import { fileURLToPath } from 'node:url';
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';

const { temporal } = proto; // a CommonJS module: named imports fail under Node's ESM loader
import { decryptBytes, deriveKey, encryptBytes } from '../../domain/secrets.ts';

const ENCODING = 'binary/encrypted';
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Encrypts every payload (workflow inputs, results, signals, queries…) with AES-256-GCM before
 * it leaves the process, so Temporal's history never holds customer data in the clear. The key
 * id travels in the payload metadata so keys can be rotated later.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly key: Buffer;
  readonly keyId: string;

  constructor(masterKey: Buffer) {
    this.key = deriveKey(masterKey, 'temporal-payloads');
    this.keyId = deriveKey(masterKey, 'temporal-payloads-key-id').toString('hex').slice(0, 12);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => ({
      metadata: { encoding: encoder.encode(ENCODING), 'encryption-key-id': encoder.encode(this.keyId) },
      data: encryptBytes(this.key, temporal.api.common.v1.Payload.encode(payload).finish()),
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (!payload.metadata || decoder.decode(payload.metadata.encoding) !== ENCODING) return payload;
      const keyId = decoder.decode(payload.metadata['encryption-key-id']);
      if (keyId !== this.keyId) throw new Error(`payload was encrypted with key ${keyId}, this process has ${this.keyId}`);
      if (!payload.data) throw new Error('encrypted payload has no data');
      return temporal.api.common.v1.Payload.decode(decryptBytes(this.key, payload.data));
    });
  }
}

/** failure-converter.cjs beside this file: error messages and stack traces encoded as payloads. */
export const FAILURE_CONVERTER_PATH = fileURLToPath(new URL('./failure-converter.cjs', import.meta.url));

/**
 * The one data converter of every ServicePro client, worker and replay: payloads encrypted, and
 * failures' messages and stack traces too (they become payloads first). The workflow bundle is
 * built with the same FAILURE_CONVERTER_PATH (workers/worker.ts, workers/bundle-workflows.ts).
 */
export function temporalDataConverter(masterKey: Buffer): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(masterKey)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
