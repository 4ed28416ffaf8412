/**
 * @module The node:http adapter: serves the web-standard core, and shuts down gracefully on SIGTERM.
 *
 * Shutdown order: `/readyz` turns 503 (balancers stop sending), the listener closes (requests in
 * flight finish, idle keep-alive connections close), connections still busy after the grace period
 * are cut, then the store and identity tables close.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './create-app.js';
import type { OpenedServer } from './open-server-deps.js';

export interface RunningServer {
  /** The URL people open: `TOLLGATE_PUBLIC_URL`, else `http://host:port`. */
  url: string;
  port: number;
  /** Stops accepting, lets requests in flight finish (up to the grace period), closes the stores. */
  stop(): Promise<void>;
}

/** Listens on the configured host and port (port 0 picks a free one). */
export async function startServer(opened: OpenedServer): Promise<RunningServer> {
  const { deps } = opened;
  const app = createApp(deps);
  const server: ServerType = await new Promise((resolve, reject) => {
    const created = serve(
      {
        fetch: (request, env) => app.fetch(request, { remoteAddress: env.incoming.socket.remoteAddress }),
        port: deps.config.port,
        hostname: deps.config.host,
      },
      () => resolve(created),
    );
    created.once('error', reject);
  });
  const httpServer = server as Server;
  // Slowloris protection: a client has this long to send its headers and body.
  httpServer.headersTimeout = 20_000;
  httpServer.requestTimeout = 60_000;
  const port = (httpServer.address() as AddressInfo).port;
  const host = deps.config.host.includes(':') ? `[${deps.config.host}]` : deps.config.host;
  const url = deps.config.publicUrl ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const sweep = setInterval(() => {
    deps.identities.deleteExpiredSessions(deps.now().toISOString()).catch((error: unknown) => deps.logger.warn({ err: error }, 'could not delete expired sessions'));
  }, 3_600_000);
  sweep.unref();
  opened.setReady(true);
  deps.logger.info({ url, port, store: deps.store.kind, location: deps.store.location, demo: deps.config.demo }, 'listening');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      opened.setReady(false);
      clearInterval(sweep);
      deps.logger.info({ graceMs: deps.config.shutdownGraceMs }, 'shutting down: finishing requests in flight');
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Connections that finish their request while we wait become idle: close them as they do.
      const idle = setInterval(() => httpServer.closeIdleConnections(), 100);
      httpServer.closeIdleConnections();
      const timer = setTimeout(() => {
        deps.logger.warn('grace period over: closing the remaining connections');
        httpServer.closeAllConnections();
      }, deps.config.shutdownGraceMs);
      timer.unref();
      await closed;
      clearTimeout(timer);
      clearInterval(idle);
      await opened.close();
      deps.logger.info('stopped');
    })());
  return { url, port, stop };
}
