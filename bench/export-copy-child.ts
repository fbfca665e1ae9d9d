// Child process of the export benchmark: one COPY … TO STDOUT baseline of the tenant's customers
// and bookings, reported with this process's peak RSS (see export-process.ts).
import { copyTenantTables } from './export-copy.ts';
import { reportResult } from './export-process.ts';

const startRss = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const tables = await copyTenantTables(process.env.APP_DATABASE_URL!, process.env.BENCH_TENANT_ID!);
const ms = performance.now() - t0;
const { user, system } = process.cpuUsage(cpu0);
reportResult({ ms, cpuMs: (user + system) / 1000, rows: tables.reduce((n, t) => n + t.rows, 0), bytes: tables.reduce((n, t) => n + t.bytes, 0), tables }, startRss);
