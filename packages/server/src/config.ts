import { isIP } from 'node:net';
import path from 'node:path';
import { DEFAULT_HELP_ESCALATION_MINUTES } from '@bedring/domain';

/** Configuration from the environment (README "Configuration"); read once, at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** null: decide at start (demo data when the database is new and embedded). */
  demo: boolean | null;
  /**
   * Append-only file for the audit chain's heads, one JSON line per seal (docs/operator-guide.md
   * "Audit"); null: none is written. Never inside the data folder, which a restore or an intruder
   * would roll back with the database.
   */
  auditAnchorFile: string | null;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  logLevel: string;
  /** How often the signal rules run for every unit (check-ins that stopped); 0 = never. */
  signalSweepMinutes: number;
  /**
   * Minutes a help request may stay untaken before it goes to the unit leader and the duty contact
   * (docs/decisions/0015-help-requests.md).
   */
  helpEscalationMinutes: number;
  /**
   * The TLS proxy in front (docs/operator-guide.md, "TLS"): false when there is none; else the addresses
   * to trust as proxies. Then the client's address comes from X-Forwarded-For and the session cookie is
   * Secure.
   */
  trustProxy: TrustProxy;
  /** How long the server waits for the database before answering 503 (docs/operator-guide.md, "Running"). */
  dbTimeouts: DatabaseTimeouts;
}

export interface DatabaseTimeouts {
  /** To get a connection (a new one, or one from a full pool). */
  connectMs: number;
  /** For one statement of a request; the server gives up waiting for an answer 5 s after it. */
  statementMs: number;
  /** For a transaction left open doing nothing (a bug, or a client gone): PostgreSQL ends it. */
  idleInTransactionMs: number;
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
  const escalation = Number(env.BEDRING_HELP_ESCALATION_MINUTES || DEFAULT_HELP_ESCALATION_MINUTES);
  if (!Number.isInteger(escalation) || escalation < 1)
    throw new Error(
      `BEDRING_HELP_ESCALATION_MINUTES must be a whole number of minutes, at least 1, got "${env.BEDRING_HELP_ESCALATION_MINUTES}"`,
    );
  const demo = env.BEDRING_DEMO === undefined || env.BEDRING_DEMO === '' ? null : env.BEDRING_DEMO === '1';
  const dataDir = path.resolve(env.BEDRING_DATA_DIR ?? './data');
  const auditAnchorFile = env.BEDRING_AUDIT_ANCHOR_FILE ? path.resolve(env.BEDRING_AUDIT_ANCHOR_FILE) : null;
  const fromData = auditAnchorFile ? path.relative(dataDir, auditAnchorFile) : '..';
  if (fromData !== '..' && !fromData.startsWith(`..${path.sep}`) && !path.isAbsolute(fromData))
    throw new Error(`BEDRING_AUDIT_ANCHOR_FILE must be outside BEDRING_DATA_DIR (${dataDir})`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    demo,
    auditAnchorFile,
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    signalSweepMinutes: sweep,
    helpEscalationMinutes: escalation,
    trustProxy: trustProxy(env.TRUST_PROXY),
    dbTimeouts: {
      connectMs: milliseconds(env, 'BEDRING_DB_CONNECT_TIMEOUT_MS', 5_000),
      statementMs: milliseconds(env, 'BEDRING_DB_STATEMENT_TIMEOUT_MS', 30_000),
      idleInTransactionMs: milliseconds(env, 'BEDRING_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
    },
  };
}

export type TrustProxy = false | string[];

/** Names proxy-addr (Fastify's trustProxy) knows for whole ranges of addresses. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: empty for none, or a comma list of the proxies' addresses, CIDR ranges, or loopback,
 * linklocal, uniquelocal (`loopback` for a proxy on the same machine). Only a request whose peer is one
 * of them is believed. Not "true", nor a count of proxies: they believe an X-Forwarded-For that any
 * client reaching the port directly writes, so each could pick its own address for the login limit
 * (Fastify 5 ignores a count for that reason).
 */
export function trustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '') return false;
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => {
    if (PROXY_RANGES.has(e)) return false;
    const [address, bits, ...rest] = e.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || rest.length > 0) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  if (bad.length > 0)
    throw new Error(
      `TRUST_PROXY must be a comma list of the proxies' addresses, CIDR ranges, loopback, linklocal or uniquelocal (e.g. loopback for a proxy on this machine); got "${value}"`,
    );
  return entries;
}

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] || fallback);
  if (!Number.isInteger(value) || value < 100)
    throw new Error(`${name} must be a whole number of milliseconds, at least 100; got "${env[name]}"`);
  return value;
}
