import type { Hono } from 'hono';

// The route table walk shared by the route-security tests: every endpoint a client can call,
// read from the app itself, so a route added tomorrow is checked without anyone listing it.

export interface Endpoint {
  method: string;
  /** Hono's pattern, e.g. `/api/tenants/:tenantId/voicemails/:id`. */
  path: string;
}

/** Each (method, path) once; middleware (registered as ALL) is left out. */
export function endpointsOf(app: Hono<never> | { routes: { method: string; path: string }[] }): Endpoint[] {
  const seen = new Map<string, Endpoint>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  }
  return [...seen.values()];
}

/** The pattern with each `:param` (and `:param{regex}`) replaced by `value(name)`, percent-encoded. */
export function fillPath(path: string, value: (name: string, pattern: string | undefined) => string): string {
  return path.replace(/:(\w+)(?:\{((?:[^{}]|\{[^}]*\})*)\})?/g, (_, name: string, pattern: string | undefined) => encodeURIComponent(value(name, pattern)));
}

export const acceptsBody = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);
