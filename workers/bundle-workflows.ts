// `npm run build:workflows -- <file>`: the worker's workflow code as one bundle (webpack via the
// Temporal SDK). A worker given the file (WORKFLOW_BUNDLE_PATH) starts faster and never holds the
// bundler's memory; `npm start` and `npm run worker` run this in a child process for the same reason.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from './workflow-bundle-options.ts';

const out = path.resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
const { code } = await bundleWorkflowCode(workflowBundleOptions());
await mkdir(path.dirname(out), { recursive: true });
// Written beside and renamed: a worker never loads half a bundle.
await writeFile(`${out}.partial`, code);
await rename(`${out}.partial`, out);
console.log(`workflow bundle written to ${path.relative(process.cwd(), out)} (${(code.length / 1e6).toFixed(1)} MB)`);
