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
  /** How often the signal rules run for every unit (check-ins that stopped); 0 = never. */
  signalSweepMinutes: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const sweep = Number(env.BEDRING_SIGNAL_SWEEP_MINUTES ?? 60);
  if (!Number.isInteger(sweep) || sweep < 0)
    throw new Error(
      `BEDRING_SIGNAL_SWEEP_MINUTES must be a whole number of minutes, got "${env.BEDRING_SIGNAL_SWEEP_MINUTES}"`,
    );
  const demo = env.BEDRING_DEMO === undefined || env.BEDRING_DEMO === '' ? null : env.BEDRING_DEMO === '1';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.BEDRING_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    demo,
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    signalSweepMinutes: sweep,
  };
}
