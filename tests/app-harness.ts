import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import pg from 'pg';
import { createApp } from '../api/app.ts';
import { hashPassword } from '../domain/passwords.ts';
import type { AppDeps, AppEnv } from '../api/context.ts';
import { closeDeps, createDeps } from '../workers/runtime/deps.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { startApiServer } from '../api/server.ts';
import { freePort } from '../scripts/ports.ts';
import { parseConfig } from '../domain/config.ts';
import { startWorker, type RunningWorker } from '../workers/worker.ts';
import { ensureCallEventDrain } from '../workers/client/call-event-drain.ts';
import { startProviderFakes, type ProviderFakeName, type ProviderFakes } from './provider-fakes.ts';
import { testStack, uniqueId } from './stack.ts';
import type { OpenAiFake } from './openai-fake.ts';
import type { SmtpFake } from './smtp-fake.ts';
import type { StripeFake } from './stripe-fake.ts';
import type { TwilioFake } from './twilio-fake.ts';

export interface TestApp {
  app: Hono<AppEnv>;
  deps: AppDeps;
  worker: RunningWorker;
  taskQueue: string;
  /** JSON request through `app.request()`, with an optional bearer token. */
  call: (method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }) => Promise<Response>;
  login: (email: string, password: string) => Promise<string>;
  ownerToken: () => Promise<string>;
  /** A user with the given role in a tenant, signed in; returns their token. */
  memberToken: (tenantId: string, role: 'owner' | 'staff') => Promise<string>;
  /** The provider fakes (each throws, saying what to ask for, when this app has none). */
  twilio: TwilioFake;
  stripe: StripeFake;
  smtp: SmtpFake;
  openai: OpenAiFake;
  /** The environment that points a worker process at the same fakes. */
  providerEnv: Record<string, string>;
  /** SQL as the database owner, past row-level security: what is really stored (one connection, opened when first used). */
  adminSql: (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
  /** Stops the worker, the app's clients and its fakes. */
  close: () => Promise<void>;
}

export interface TestAppOptions {
  loginAttemptsPerWindow?: number;
  /** Budget of password-reset requests per email and of refused link tokens (default: roomy, tests share one address). */
  accountAttemptsPerWindow?: number;
  /** Signups allowed from the one in-process address (default: roomy). */
  signupsPerWindow?: number;
  webDist?: string;
  /** Settings over the test defaults, e.g. PUBLIC_BASE_URL of a served app, EXPORT_STORAGE_DIR. */
  env?: Record<string, string>;
  /**
   * Providers faked as a configured account (`t.twilio`, `t.stripe`, `t.smtp`). An app nobody
   * serves (no PUBLIC_BASE_URL in `env`) also gets Twilio and Stripe fakes under the sandbox
   * account when not named here, so its texts and billing work; a served app uses the sandboxes
   * mounted in its own API, as `npm start` does.
   */
  fakes?: readonly ProviderFakeName[];
  /** A Temporal server of the test's own (one it stops and starts), instead of the shared one. */
  temporalAddress?: string;
  /** With the SMTP fake: recipients it refuses with a 550. */
  rejectRecipients?: RegExp;
}

/** A fake's accessor that says what to do when the test app was created without it. */
function fakeOf<N extends ProviderFakeName>(fakes: ProviderFakes, name: N): NonNullable<ProviderFakes[N]> {
  const fake = fakes[name];
  if (!fake) throw new Error(`This test app has no ${name} fake: create it with createTestApp({ fakes: ['${name}'] }).`);
  return fake as NonNullable<ProviderFakes[N]>;
}

/** The real API over the real test database and Temporal, with a worker on its own task queue. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const stack = testStack();
  const taskQueue = uniqueId('tq');
  const served = Boolean(options.env?.PUBLIC_BASE_URL);
  const fakes = await startProviderFakes({
    accounts: options.fakes,
    sandboxKey: served ? undefined : Buffer.from(stack.masterKeyBase64, 'base64'),
    rejectRecipients: options.rejectRecipients,
  });
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DATABASE_URL: stack.adminDatabaseUrl,
    APP_DATABASE_URL: stack.appDatabaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress ?? stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.temporalNamespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    TEMPORAL_UI_URL: stack.temporalUiUrl,
    SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
    // Export zips of test tenants go to the temp directory, not the checkout's .servicepro.
    EXPORT_STORAGE_DIR: path.join(tmpdir(), 'servicepro-test-exports'),
    ...fakes.env,
    ...options.env,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const deps = await createDeps(config, logger, { webDist: options.webDist });
  const worker = await startWorker({ address: options.temporalAddress ?? stack.temporalAddress, namespace: stack.temporalNamespace, taskQueue, masterKey: deps.masterKey, logger, activityDeps: deps });
  // As every worker process does (workers/main.ts): call events kept in Postgres during an outage get delivered.
  await ensureCallEventDrain(deps.temporal, taskQueue);
  // Tests sign in often, all from one in-process "address": roomy budgets unless a test sets one.
  const accountBudget = options.accountAttemptsPerWindow ?? 1_000;
  const app = createApp(deps, {
    loginLimits: { perAddressAndAccount: options.loginAttemptsPerWindow ?? 1_000, perAccount: 1_000, perAddress: 1_000 },
    accountLimits: { resetRequestsPerAccount: accountBudget, resetRequestsPerAddress: 1_000, tokenFailuresPerAddress: accountBudget, signupsPerAddress: options.signupsPerWindow ?? 1_000 },
  });

  const call: TestApp['call'] = async (method, url, { token, body, headers } = {}) =>
    app.request(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  const login = async (email: string, password: string) => {
    const response = await call('POST', '/api/auth/login', { body: { email, password } });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  };

  let admin: Promise<pg.Client> | undefined;
  const adminSql: TestApp['adminSql'] = async (text, values) => {
    admin ??= (async () => {
      const client = new pg.Client({ connectionString: stack.adminDatabaseUrl });
      await client.connect();
      return client;
    })();
    return (await admin).query(text, values);
  };

  const testApp = {
    app,
    deps,
    worker,
    taskQueue,
    call,
    login,
    ownerToken: () => login(stack.owner.email, stack.owner.password),
    memberToken: async (tenantId: string, role: 'owner' | 'staff') => {
      const email = `${uniqueId(role)}@servicepro.test`;
      const password = 'member password 123';
      await deps.db.user.create({ data: { email, passwordHash: await hashPassword(password), memberships: { create: { tenantId, role } } } });
      return login(email, password);
    },
    providerEnv: fakes.env,
    adminSql,
    close: async () => {
      await (await admin?.catch(() => undefined))?.end();
      await worker.shutdown();
      await closeDeps(deps);
      await fakes.close();
    },
  };
  // Not enumerable: a test that spreads the app (`{ ...t, app: other }`) does not ask for them.
  return Object.defineProperties(testApp, {
    twilio: { get: () => fakeOf(fakes, 'twilio') },
    stripe: { get: () => fakeOf(fakes, 'stripe') },
    smtp: { get: () => fakeOf(fakes, 'smtp') },
    openai: { get: () => fakeOf(fakes, 'openai') },
  }) as TestApp;
}

/**
 * The real API on a free port, serving the built web app, with PUBLIC_BASE_URL its own address as
 * under `npm start`: Twilio webhooks are signed for it and the local Twilio sandbox mounted in the
 * API is reachable, so calls and texts work end to end offline (browser tests, the simulator).
 */
export async function startTestServer(options: { webDist?: string; env?: Record<string, string> } = {}) {
  const stack = testStack();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const testApp = await createTestApp({ webDist: options.webDist ?? path.resolve('web/dist'), env: { ...options.env, PUBLIC_BASE_URL: url } });
  const server = await startApiServer(testApp.deps, port, '127.0.0.1');
  return {
    url,
    ownerEmail: stack.owner.email,
    ownerPassword: stack.owner.password,
    testApp,
    stop: async () => {
      await server.close();
      await testApp.close();
    },
  };
}
