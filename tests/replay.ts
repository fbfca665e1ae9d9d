import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { temporal } from '@temporalio/proto';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { temporalDataConverter } from '../workers/runtime/codec.ts';
import { workflowBundle } from '../workers/worker.ts';

// Replay tests guard determinism: a history recorded from a real run must replay against the
// current workflow code (a change that would break running executions goes behind `patched()`).
// `RECORD_HISTORIES=1 npx vitest run <file>` records them again.

/** Where recorded histories live. */
export const HISTORIES_DIR = path.resolve(import.meta.dirname, '../workflows/histories');

/** True when this run records histories (RECORD_HISTORIES set) before replaying them. */
export const recordingHistories = Boolean(process.env.RECORD_HISTORIES);

/** The test stack's payload key, which the recordings were made with (scripts/ephemeral-stack.ts). */
const RECORDING_KEY = Buffer.alloc(32, 7);

type History = temporal.api.history.v1.IHistory;

/** Writes `history` to workflows/histories/`file`, as readable JSON. */
export async function recordHistory(file: string, history: History): Promise<void> {
  await writeFile(path.join(HISTORIES_DIR, file), `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`);
}

/** Replays workflows/histories/`file` against the current workflow bundle; throws on nondeterminism. */
export async function replayRecorded(file: string, workflowId: string): Promise<void> {
  const history = JSON.parse(await readFile(path.join(HISTORIES_DIR, file), 'utf8')) as Parameters<typeof Worker.runReplayHistory>[1];
  await Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: temporalDataConverter(RECORDING_KEY) }, history, workflowId);
}
