// `npm run bench`: every benchmark, each printing its table and writing bench/results/<name>.json.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { runFoundationBench } from './foundation.ts';
import { printTable, writeResults } from './measure.ts';

Runtime.install({ logger: new DefaultLogger('WARN') });
const results = await runFoundationBench();
printTable('Foundation: tenant-scoped reads and tenant creation', results);
console.log(`results written to ${await writeResults('foundation', { results })}`);
process.exit(0);
