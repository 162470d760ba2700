import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ClusterAccess } from './cluster-access.ts';
import { track } from './processes.ts';
import { type LatencySummary, round, summarize } from './stats.ts';

export interface PgbenchResult {
  clients: number;
  durationS: number;
  tps: number;
  transactions: number;
  failed: number;
  latencyMs: LatencySummary;
}

/** Debian's pgbench (any major version speaks to the server's PostgreSQL 18); installed with apt when missing. */
export function findPgbench(): string {
  const found = locate();
  if (found) return found;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get'))
    throw new Error('pgbench is missing: install the Debian package postgresql-15 (or newer), as root');
  console.log('pgbench is missing; installing it with apt-get (Debian package postgresql-NN) …');
  const apt = {
    stdio: 'inherit' as const,
    timeout: 600_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
  execFileSync('apt-get', ['update'], apt);
  const pkg = ['postgresql-17', 'postgresql-16', 'postgresql-15'].find((p) => {
    try {
      return execFileSync('apt-cache', ['show', p], { stdio: 'pipe' }).length > 0;
    } catch {
      return false;
    }
  });
  if (!pkg) throw new Error('no postgresql-NN package found with apt-cache; install pgbench by hand');
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], apt);
  const installed = locate();
  if (!installed) throw new Error(`${pkg} is installed but pgbench was not found`);
  return installed;
}

function locate(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', 'pgbench')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin', 'pgbench');
  }
  try {
    return execFileSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export function pgbenchVersion(bin: string): string {
  return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
}

export interface PgbenchRun {
  bin: string;
  access: ClusterAccess;
  /** The script's text; written to workDir. */
  script: string;
  name: string;
  clients: number;
  durationS: number;
  warmupS: number;
  workDir: string;
  /**
   * prepared (the ceiling): parse and plan once per connection. extended: parse and plan every
   * statement, as node-postgres does for the server's unnamed queries (a diagnostic, not the ceiling).
   */
  mode?: 'prepared' | 'extended';
}

/** Warm-up, then `pgbench -n -M prepared -c N -j min(2,N) -T d -l` as bedring_app; latencies from its per-transaction log. */
export async function runPgbench(run: PgbenchRun): Promise<PgbenchResult> {
  const scriptFile = path.join(run.workDir, `${run.name}.sql`);
  writeFileSync(scriptFile, run.script);
  if (run.warmupS > 0) await pgbench(run, scriptFile, run.warmupS, null);
  const prefix = path.join(run.workDir, `${run.name}-${run.mode ?? 'prepared'}-c${run.clients}`);
  const out = await pgbench(run, scriptFile, run.durationS, prefix);
  const transactions = Number(/^number of transactions actually processed: (\d+)/m.exec(out)?.[1]);
  const failed = Number(/^number of failed transactions: (\d+)/m.exec(out)?.[1] ?? 0);
  // With no transaction done (a very short run on a busy machine) pgbench prints "tps = nan".
  const tps = transactions === 0 ? 0 : Number(/^tps = ([\d.]+)/m.exec(out)?.[1]);
  if (!Number.isFinite(tps) || !Number.isFinite(transactions))
    throw new Error(`cannot read pgbench's output:\n${out}`);
  return {
    clients: run.clients,
    durationS: run.durationS,
    tps: round(tps, 1),
    transactions,
    failed,
    latencyMs: summarize(readLatencies(run.workDir, path.basename(prefix))),
  };
}

function pgbench(run: PgbenchRun, scriptFile: string, durationS: number, logPrefix: string | null) {
  const a = run.access;
  const args = ['-n', '-M', run.mode ?? 'prepared', '-f', scriptFile, '-c', String(run.clients)];
  args.push('-j', String(Math.min(2, run.clients)), '-T', String(durationS));
  args.push('-h', a.host, '-p', String(a.port), '-U', a.app.user);
  if (logPrefix) args.push('-l', `--log-prefix=${logPrefix}`);
  args.push(a.database);
  return new Promise<string>((resolve, reject) => {
    const child = track(
      spawn(run.bin, args, {
        cwd: run.workDir,
        env: { ...process.env, PGPASSWORD: a.app.password, PGSSLMODE: 'disable', PGCONNECT_TIMEOUT: '10' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), (durationS + 60) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`pgbench ${args.join(' ')} exited with ${code}:\n${out.slice(-3000)}`));
    });
  });
}

/** pgbench -l writes one file per thread; the third field of each line is the latency in microseconds. */
function readLatencies(dir: string, prefix: string): Float64Array {
  const values: number[] = [];
  for (const file of readdirSync(dir).filter((f) => f.startsWith(`${prefix}.`))) {
    const full = path.join(dir, file);
    for (const line of readFileSync(full, 'utf8').split('\n')) {
      const us = Number(line.split(' ')[2]);
      if (line && Number.isFinite(us)) values.push(us / 1000);
    }
    rmSync(full);
  }
  return Float64Array.from(values);
}
