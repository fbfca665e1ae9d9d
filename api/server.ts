import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import type { AppDeps } from './context.ts';

export interface RunningApi {
  url: string;
  close: () => Promise<void>;
}

/** Serves the API (and the built web app, when `deps.webDist` is set) on `port`. */
export function startApiServer(deps: AppDeps, port: number, hostname = '0.0.0.0'): Promise<RunningApi> {
  // serve-static resolves its root against the working directory.
  const app = createApp(deps.webDist ? { ...deps, webDist: path.relative(process.cwd(), deps.webDist) || '.' } : deps);
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: app.fetch, port, hostname }, (info) => {
      resolve({
        url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}`,
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
