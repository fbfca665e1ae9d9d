import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../api/app.ts';
import { hashPassword } from '../api/auth/passwords.ts';
import type { AppDeps, AppEnv } from '../api/context.ts';
import { closeDeps, createDeps } from '../api/deps.ts';
import { createLogger } from '../api/logger.ts';
import { startApiServer } from '../api/server.ts';
import { freePort } from '../scripts/ports.ts';
import { parseConfig } from '../domain/config.ts';
import { startWorker, type RunningWorker } from '../workers/worker.ts';
import { testStack, uniqueId } from './stack.ts';

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
  close: () => Promise<void>;
}

/** The real API over the real test database and Temporal, with a worker on its own task queue. */
export async function createTestApp(options: { loginAttemptsPerWindow?: number; webDist?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const stack = testStack();
  const taskQueue = uniqueId('tq');
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DATABASE_URL: stack.adminDatabaseUrl,
    APP_DATABASE_URL: stack.appDatabaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.temporalNamespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    TEMPORAL_UI_URL: stack.temporalUiUrl,
    SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
    // Export zips of test tenants go to the temp directory, not the checkout's .servicepro.
    EXPORT_STORAGE_DIR: path.join(tmpdir(), 'servicepro-test-exports'),
    ...options.env, // e.g. TWILIO_API_BASE_URL and credentials pointing at a local fake
  });
  const logger = createLogger(config.LOG_LEVEL);
  const deps = await createDeps(config, logger, { webDist: options.webDist });
  const worker = await startWorker({ address: stack.temporalAddress, namespace: stack.temporalNamespace, taskQueue, masterKey: deps.masterKey, logger, activityDeps: deps });
  // Tests sign in often, all from one in-process "address": roomy budgets unless a test sets one.
  const app = createApp(deps, { loginLimits: { perAddressAndAccount: options.loginAttemptsPerWindow ?? 1_000, perAccount: 1_000, perAddress: 1_000 } });

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

  return {
    app,
    deps,
    worker,
    taskQueue,
    call,
    login,
    ownerToken: () => login(stack.owner.email, stack.owner.password),
    memberToken: async (tenantId, role) => {
      const email = `${uniqueId(role)}@servicepro.test`;
      const password = 'member password 123';
      await deps.db.user.create({ data: { email, passwordHash: await hashPassword(password), memberships: { create: { tenantId, role } } } });
      return login(email, password);
    },
    close: async () => {
      await worker.shutdown();
      await closeDeps(deps);
    },
  };
}

/**
 * The real API on a free port, serving the built web app, with PUBLIC_BASE_URL its own address as
 * under `npm start`: Twilio webhooks are signed for it and the local Twilio sandbox mounted in the
 * API is reachable, so calls and texts work end to end offline (browser tests, the simulator).
 */
export async function startTestServer(options: { webDist?: string } = {}) {
  const stack = testStack();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const testApp = await createTestApp({ webDist: options.webDist ?? path.resolve('web/dist'), env: { PUBLIC_BASE_URL: url } });
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
