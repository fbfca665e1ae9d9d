import path from 'node:path';
import { DefaultLogger, type BundleOptions } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from './runtime/codec.ts';

/**
 * Libraries the workflows use that hold no per-workflow state: loaded once per worker thread and
 * shared by every workflow in it (the SDK's `preloadModules`), instead of evaluated again for each
 * new workflow — a call workflow starts on every incoming call, and evaluating the TwiML builder
 * (twilio's classes over xmlbuilder) was most of the module work of starting one. Only pure
 * libraries belong here: the SDK freezes what they export, and module state would be shared
 * across workflows. (luxon is marked side-effect free, so webpack drops a bare preload of it.)
 */
export const PRELOADED_WORKFLOW_MODULES = ['twilio/lib/twiml/VoiceResponse.js', 'twilio/lib/twiml/MessagingResponse.js'];

/** How the workflow code is bundled, by the worker in process and by `npm run build:workflows` alike. */
export function workflowBundleOptions(): BundleOptions {
  return {
    workflowsPath: path.resolve(import.meta.dirname, '../workflows/index.ts'),
    // With the failure converter the workers and clients use (workers/runtime/codec.ts).
    failureConverterPath: FAILURE_CONVERTER_PATH,
    preloadModules: PRELOADED_WORKFLOW_MODULES,
    logger: new DefaultLogger('WARN'),
  };
}
