// docker-compose.temporal.yml cannot be run here (no Docker engine), so this checks what matters
// statically: the services exist and are wired together, images are pinned, the UI decodes
// payloads through ServicePro's codec endpoint, and the search attributes the setup container
// registers are exactly the ones the code uses (domain/workflow-ids.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SEARCH_ATTRIBUTES } from '../domain/workflow-ids.ts';

const root = path.resolve(import.meta.dirname, '..');
const COMPOSE_FILE = 'docker-compose.temporal.yml';

interface Service {
  image?: string;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | { target: number; published?: string | number })[];
  healthcheck?: { test?: string | string[] };
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  entrypoint?: string | string[];
  command?: string | string[];
  configs?: (string | { source: string; target?: string })[];
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  configs?: Record<string, { content?: string; file?: string }>;
}

const compose = parse(readFileSync(path.join(root, COMPOSE_FILE), 'utf8')) as ComposeFile;
const services = Object.entries(compose.services);

/** What Compose does to `${VAR:-default}` / `${VAR-default}` when VAR is unset, and `$$` → `$`. */
function withDefaults(value: string): string {
  return value
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}/g, (_match, fallback: string | undefined) => fallback ?? '')
    .replace(/\$\$/g, '$');
}

function env(service: Service): Record<string, string> {
  const raw = service.environment ?? {};
  const entries = Array.isArray(raw)
    ? raw.map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      })
    : Object.entries(raw).map(([key, value]) => [key, String(value ?? '')] as const);
  return Object.fromEntries(entries.map(([key, value]) => [key, withDefaults(value)]));
}

function dependsOn(service: Service): Record<string, string | undefined> {
  const raw = service.depends_on ?? {};
  if (Array.isArray(raw)) return Object.fromEntries(raw.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(raw).map(([name, spec]) => [name, spec?.condition]));
}

/** Container ports published on the host, e.g. "127.0.0.1:7233:7233" → 7233. */
function publishedContainerPorts(service: Service): number[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') return port.target;
    const parts = withDefaults(port).split('/')[0]!.split(':');
    return Number(parts[parts.length - 1]);
  });
}

function script(service: Service): string {
  return [service.entrypoint, service.command].flat().filter((part): part is string => typeof part === 'string').join('\n');
}

function imageOf(service: Service): { repository: string; tag: string | undefined } {
  const image = withDefaults(service.image ?? '');
  const [withoutDigest] = image.split('@');
  const lastSlash = withoutDigest!.lastIndexOf('/');
  const colon = withoutDigest!.indexOf(':', lastSlash + 1);
  return colon === -1
    ? { repository: withoutDigest!, tag: undefined }
    : { repository: withoutDigest!.slice(0, colon), tag: withoutDigest!.slice(colon + 1) };
}

function findService(description: string, predicate: (name: string, service: Service) => boolean): [string, Service] {
  const matches = services.filter(([name, service]) => predicate(name, service));
  expect(matches.length, `exactly one ${description} service in ${COMPOSE_FILE}`).toBe(1);
  return matches[0]!;
}

const [postgresName, postgres] = findService('PostgreSQL', (_n, s) => imageOf(s).repository === 'postgres');
const [serverName, server] = findService('Temporal server', (_n, s) =>
  ['temporalio/server', 'temporalio/auto-setup'].includes(imageOf(s).repository),
);
const [, ui] = findService('Temporal UI', (_n, s) => imageOf(s).repository === 'temporalio/ui');
const [, setup] = findService('search-attribute setup', (_n, s) => script(s).includes('search-attribute create'));

/** [name, type] pairs the setup script registers: `register Name Type` or `--name Name --type Type`. */
function registeredSearchAttributes(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const match of text.matchAll(/^\s*register\s+([A-Za-z]\w*)\s+([A-Za-z]\w*)\s*$/gm)) pairs.push([match[1]!, match[2]!]);
  for (const match of text.matchAll(/--name[ =]([A-Za-z]\w*)\s+--type[ =]([A-Za-z]\w*)/g)) pairs.push([match[1]!, match[2]!]);
  return pairs;
}

describe(COMPOSE_FILE, () => {
  it('pins every image to an explicit version tag', () => {
    for (const [name, service] of services) {
      if (!service.image) continue;
      const { tag } = imageOf(service);
      expect(tag, `${name}: image ${service.image} has no tag`).toBeTruthy();
      expect(tag, `${name}: image ${service.image} floats on latest`).not.toBe('latest');
      expect(tag, `${name}: image ${service.image} has no version in its tag`).toMatch(/\d/);
    }
  });

  it('keeps Temporal server and admin-tools images on the same version', () => {
    const serverTag = imageOf(server).tag;
    const adminTags = services.filter(([, s]) => imageOf(s).repository === 'temporalio/admin-tools').map(([, s]) => imageOf(s).tag);
    expect(adminTags.length).toBeGreaterThan(0);
    for (const tag of adminTags) expect(tag).toBe(serverTag);
  });

  it("gives Temporal's Postgres a named volume and a healthcheck", () => {
    expect(postgres.healthcheck?.test, 'postgres healthcheck').toBeTruthy();
    const namedVolumes = (postgres.volumes ?? [])
      .map((volume) => (typeof volume === 'string' ? volume.split(':')[0] : volume.source))
      .filter((source): source is string => !!source && !source.startsWith('.') && !source.startsWith('/'));
    expect(namedVolumes.length, 'postgres data on a named volume').toBeGreaterThan(0);
    for (const volume of namedVolumes) expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('starts the server only once Postgres is healthy, with Postgres persistence', () => {
    expect(dependsOn(server)[postgresName]).toBe('service_healthy');
    const serverEnv = env(server);
    expect(serverEnv.DB).toMatch(/^postgres(ql|12|12_pgx)$/);
    expect(serverEnv.POSTGRES_SEEDS).toBe(postgresName);
    expect(serverEnv.POSTGRES_PWD).toBe(env(postgres).POSTGRES_PASSWORD);
    expect(serverEnv.POSTGRES_USER).toBe(env(postgres).POSTGRES_USER);
    // Whatever prepares the schema must have finished before the server starts.
    for (const [dependency, condition] of Object.entries(dependsOn(server))) {
      if (dependency !== postgresName) expect(condition, `${serverName} waits for ${dependency}`).toBe('service_completed_successfully');
    }
  });

  it('gives the server a readable dynamic config when it names one', () => {
    const file = env(server).DYNAMIC_CONFIG_FILE_PATH;
    if (!file) return;
    const mounted = (server.configs ?? []).some((config) => typeof config === 'object' && config.target === file && compose.configs?.[config.source]?.content !== undefined);
    expect(mounted, `${file} is provided through configs`).toBe(true);
    for (const [, config] of Object.entries(compose.configs ?? {})) {
      if (config.content) expect(() => parse(config.content!)).not.toThrow();
    }
  });

  it('publishes the frontend on 7233 and the UI on 8080', () => {
    expect(publishedContainerPorts(server)).toContain(7233);
    expect(publishedContainerPorts(ui)).toContain(8080);
    expect(server.healthcheck?.test, 'server healthcheck').toBeTruthy();
  });

  it("points the UI at the server's frontend and at ServicePro's codec endpoint", () => {
    const uiEnv = env(ui);
    expect(uiEnv.TEMPORAL_ADDRESS).toBe(`${serverName}:7233`);
    expect(dependsOn(ui)[serverName]).toBeDefined();
    expect(uiEnv.TEMPORAL_CODEC_ENDPOINT).toBe('http://localhost:3000/codec');
    expect(uiEnv.TEMPORAL_CODEC_INCLUDE_CREDENTIALS).toBe('true');
    expect(uiEnv.TEMPORAL_CORS_ORIGINS).toContain('http://localhost:3000');
  });

  it('registers exactly the search attributes in domain/workflow-ids.ts, in namespace default, once the server is healthy', () => {
    expect(dependsOn(setup)[serverName]).toBe('service_healthy');
    const setupEnv = env(setup);
    expect(setupEnv.TEMPORAL_ADDRESS).toBe(`${serverName}:7233`);
    const text = script(setup);
    expect(text.includes('--namespace default') || setupEnv.TEMPORAL_NAMESPACE === 'default').toBe(true);

    const registered = registeredSearchAttributes(text);
    expect(registered.map(([name]) => name).sort()).toEqual(['TenantId', 'TenantStatus', 'TenantTier']);
    expect(Object.fromEntries(registered)).toEqual({ TenantId: 'Keyword', TenantTier: 'Keyword', TenantStatus: 'Keyword' });
    expect(Object.fromEntries(registered)).toEqual(SEARCH_ATTRIBUTES);
  });

  it('treats an already registered search attribute as success (re-runs are safe)', () => {
    expect(script(setup)).toMatch(/already exists/);
  });

  it('escapes shell variables from Compose interpolation in scripts', () => {
    for (const [name, service] of services) {
      const text = script(service);
      if (!text) continue;
      expect(text.replace(/\$\$/g, ''), `${name}: a single $ would be interpolated by Compose`).not.toMatch(/\$/);
    }
  });
});

describe('docs/operations.md', () => {
  const doc = readFileSync(path.join(root, 'docs/operations.md'), 'utf8');

  it('explains how to move to the compose stack', () => {
    expect(doc).toContain(`docker compose -f ${COMPOSE_FILE} up -d`);
    expect(doc).toContain('TEMPORAL_ADDRESS');
    expect(doc).toContain('TenantId="');
  });
});
