import path from 'node:path';

/** Configuration from the environment (DESIGN.md "Configuration"); read once, at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** null: decide at start (demo data when the database is new and embedded). */
  demo: boolean | null;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const demo = env.BEDRING_DEMO === undefined || env.BEDRING_DEMO === '' ? null : env.BEDRING_DEMO === '1';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.BEDRING_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    demo,
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
