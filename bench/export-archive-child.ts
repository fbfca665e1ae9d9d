// Child process of the export benchmark: the archive activity alone (no Temporal in the loop),
// called as the worker would call it, reported with this process's peak RSS (export-process.ts).
import { createExportActivities } from '../activities/export.ts';
import { closeDeps, createDeps } from '../workers/runtime/deps.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { parseConfig } from '../domain/config.ts';
import { reportResult, sampleMemory } from './export-process.ts';

const config = parseConfig(process.env);
const deps = await createDeps(config, createLogger(config.LOG_LEVEL, { process: 'bench-export' }));
const activities = createExportActivities(deps);
const tenantId = process.env.BENCH_TENANT_ID!;
const { exportId } = await activities.createExportRecord({ tenantId, reason: 'owner' });
const startRss = process.memoryUsage().rss;
const memory = sampleMemory();
const cpu0 = process.cpuUsage(); // the whole process: the main thread and zlib's worker threads
const t0 = performance.now();
const result = await activities.writeExportArchive({ tenantId, exportId });
const ms = performance.now() - t0;
const { user, system } = process.cpuUsage(cpu0);
reportResult({ ms, cpuMs: (user + system) / 1000, exportId, ...result, memory: memory.stop() }, startRss);
await closeDeps(deps);
process.exit(0);
