import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import type { AppDeps } from './context.ts';

export interface RunningApi {
  /** How a browser on this machine reaches it: loopback and every-interface binds are `localhost`. */
  url: string;
  /** The address it is bound to. */
  host: string;
  close: () => Promise<void>;
}

// One host name everywhere: the Temporal UI is printed as localhost too, and the session cookie
// (SameSite=Lax) only reaches /codec from the UI when both are the same site.
const LOCAL_BINDS = new Set(['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost']);
const browserHost = (host: string) => (LOCAL_BINDS.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host);

/** Serves the API (and the built web app, when `deps.webDist` is set) on `port`, on `HOST` (loopback unless configured). */
export function startApiServer(deps: AppDeps, port: number, hostname = deps.config.HOST): Promise<RunningApi> {
  // serve-static resolves its root against the working directory.
  const app = createApp(deps.webDist ? { ...deps, webDist: path.relative(process.cwd(), deps.webDist) || '.' } : deps);
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${browserHost(hostname)}:${info.port}`,
        host: info.address,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections from browsers would otherwise hold the server open.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
