// Server-side provisioning of a new business: from the owner's "Finish" (the finish update accepted)
// to the onboarding workflow completing (tenant, services, number bought and pointed, trial, site,
// welcome, billing handed over), for 20 signups against the sandbox providers (the same code as
// `npm start` offline, served locally), read from each workflow's own history. Beside it, floors
// measured in the same run: a bare workflow start + one update round trip on an empty workflow.
import { createRequire } from 'node:module';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createApp } from '../api/app.ts';
import { parseConfig } from '../domain/config.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import { startEphemeralStack } from '../scripts/ephemeral-stack.ts';
import { startProviderFakes } from '../tests/provider-fakes.ts';
import { closeDeps, createDeps } from '../workers/runtime/deps.ts';
import { temporalDataConverter } from '../workers/runtime/codec.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { startWorker } from '../workers/worker.ts';
import { doneSignal, floorWorkflow, pingUpdate } from './floor-workflow.ts';
import { measure, type Series } from './measure.ts';

const require = createRequire(import.meta.url);
const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 20);
const AREA_CODES = ['918', '405', '212', '415', '303', '617', '312', '206', '512', '614', '713', '214', '404', '305', '602', '702', '801', '503', '615', '816'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (x: number) => Math.round(x * 10) / 10;

export interface OnboardingBenchReport {
  signups: number;
  provisioning: { concurrency: number; n: number; p50Ms: number; p95Ms: number; maxMs: number; failed: number }[];
  floors: Series[];
  targetP95Ms: number;
}

export async function runOnboardingBench(): Promise<OnboardingBenchReport> {
  const stack = await startEphemeralStack();
  const fakes = await startProviderFakes({ sandboxKey: Buffer.from(stack.masterKeyBase64, 'base64') });
  const config = parseConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: stack.adminDatabaseUrl, APP_DATABASE_URL: stack.appDatabaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_TASK_QUEUE: 'bench-onboarding', SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64, ...fakes.env,
  });
  const deps = await createDeps(config, createLogger('silent'));
  const worker = await startWorker({ address: stack.temporalAddress, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, masterKey: deps.masterKey, activityDeps: deps });
  const floorConnection = await NativeConnection.connect({ address: stack.temporalAddress });
  const floorWorker = await Worker.create({ connection: floorConnection, taskQueue: 'bench-floor', workflowsPath: require.resolve('./floor-workflow.ts'), dataConverter: temporalDataConverter(deps.masterKey) });
  const floorRun = floorWorker.run();
  const app = createApp(deps, { accountLimits: { signupsPerAddress: 10_000 } });
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await app.request(path, { method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };

  /** A signed-up business with every wizard step done (not timed): ready to finish. */
  async function readyToFinish(i: number, run: string) {
    // One area code per business of a row, so no two pick the same number before either buys it.
    const slot = i % AREA_CODES.length;
    const { tenantId, token } = (await call('POST', '/api/signup', undefined, { email: `bench-${run}-${i}@bench.example`, password: 'bench owner password 1', businessName: `Bench Lawns ${run} ${i}` })) as { tenantId: string; token: string };
    const base = `/api/tenants/${tenantId}/onboarding`;
    const { numbers } = (await call('GET', `${base}/available-numbers?areaCode=${AREA_CODES[slot]}`, token)) as { numbers: { phoneNumber: string }[] };
    const steps: Record<string, unknown> = {
      business: { businessName: `Bench Lawns ${i}`, slug: tenantId, ownerName: 'Bench Owner', ownerPhone: `+1918555${String(3000 + i)}`, timeZone: 'America/Chicago', serviceArea: 'Tulsa' },
      industry: { pack: 'auto-detailing' },
      services: { services: [{ name: 'Full detail', durationMinutes: 180, priceCents: 19_900 }] },
      phone: { phoneNumber: numbers[0]!.phoneNumber },
      greeting: { greetingText: 'Thanks for calling Bench Lawns!', infoText: 'We mow, edge and blow every week from $45.' },
      branding: { primaryColor: '#15803d' },
      website: { template: 'classic' },
      plan: { tier: 'pro' },
    };
    for (const [step, body] of Object.entries(steps)) await call('PUT', `${base}/${step}`, token, body);
    return { tenantId, token };
  }

  /** Finish → workflow completed, from the workflow's own history (server-side, no polling in the number). */
  async function provisioningMs(tenantId: string, token: string): Promise<{ ms: number; failed: boolean }> {
    await call('POST', `/api/tenants/${tenantId}/onboarding/finish`, token);
    const handle = deps.temporal.workflow.getHandle(workflowIds.onboarding(tenantId));
    for (;;) {
      const progress = (await call('GET', `/api/tenants/${tenantId}/onboarding`, token)) as { status: string };
      if (progress.status === 'failed') return { ms: NaN, failed: true };
      if (progress.status === 'complete') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await handle.result();
    const events = (await handle.fetchHistory()).events ?? [];
    const accepted = events.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'finish')!;
    const completed = events.find((e) => e.workflowExecutionCompletedEventAttributes)!;
    const at = (e: (typeof events)[number]) => Number(e.eventTime!.seconds) * 1000 + Math.floor((e.eventTime!.nanos ?? 0) / 1e6);
    return { ms: at(completed) - at(accepted), failed: false };
  }

  const report: OnboardingBenchReport = { signups: SIGNUPS, provisioning: [], floors: [], targetP95Ms: 10_000 };
  try {
    const run = Date.now().toString(36);
    for (const concurrency of [1, 5]) {
      const ready: { tenantId: string; token: string }[] = [];
      for (let i = 0; i < SIGNUPS; i += 1) ready.push(await readyToFinish(i + concurrency * 100, run));
      const results: { ms: number; failed: boolean }[] = [];
      let next = 0;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < ready.length) {
          const { tenantId, token } = ready[next++]!;
          results.push(await provisioningMs(tenantId, token));
        }
      }));
      const times = results.filter((r) => !r.failed).map((r) => r.ms).sort((a, b) => a - b);
      report.provisioning.push({ concurrency, n: times.length, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), maxMs: round(times.at(-1)!), failed: results.length - times.length });
      console.log(`provisioning c=${concurrency} done`);
    }
    report.floors.push(
      await measure('floor: bare workflow start + one update round trip (empty handler)', SIGNUPS, 1, async (i) => {
        const handle = await deps.temporal.workflow.start(floorWorkflow, { workflowId: `bench-onb-floor-${run}-${i}`, taskQueue: 'bench-floor' });
        await handle.executeUpdate(pingUpdate, { args: ['x'] });
        await handle.signal(doneSignal);
      }, 'provisioning'),
    );
  } finally {
    floorWorker.shutdown();
    await floorRun.catch(() => undefined);
    await floorConnection.close();
    await worker.shutdown();
    await closeDeps(deps);
    await fakes.close();
    await stack.stop();
  }
  return report;
}
