import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Which Bedring process owns a data folder's embedded database: `bedring.lock` in the folder names it
 * (process id and start time, so a reused process id is not mistaken for it) and, once the database is
 * up, its port. A server owns the folder for as long as it runs; an operator's command run meanwhile
 * uses that server's database instead of starting or stopping one (docs/operator-guide.md, "Running").
 */
export interface FolderOwner {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat), against reused ids. */
  started: string;
  purpose: 'serve' | 'command';
  /** The embedded database's port, once it accepts connections. */
  port: number | null;
}

export type Claim =
  | { owned: true; setPort(port: number): void; release(): void }
  | { owned: false; owner: FolderOwner };

export function claimDataFolder(dataDir: string, purpose: FolderOwner['purpose']): Claim {
  const file = path.join(dataDir, 'bedring.lock');
  const me: FolderOwner = { pid: process.pid, started: processStart(process.pid) ?? '', purpose, port: null };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const other = readOwner(file);
      if (other && isRunning(other)) return { owned: false, owner: other };
      // The owner is gone (a crash, kill -9): its claim is stale.
      unlinkSync(file);
      continue;
    }
    const release = () => {
      process.off('exit', release);
      const current = readOwner(file);
      if (current?.pid === me.pid && current.started === me.started) unlinkSync(file);
    };
    process.on('exit', release);
    return {
      owned: true,
      setPort(port) {
        me.port = port;
        writeFileSync(`${file}.new`, JSON.stringify(me), { mode: 0o600 });
        renameSync(`${file}.new`, file);
      },
      release,
    };
  }
  throw new Error(`Could not claim the data folder ${dataDir}: another process keeps claiming it.`);
}

function readOwner(file: string): FolderOwner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as FolderOwner;
  } catch {
    return null; // Gone meanwhile, or half written by a process that died: treat as stale.
  }
}

function isRunning(owner: FolderOwner): boolean {
  return processStart(owner.pid) === owner.started;
}

/** The start time of a running process, or null when there is none with this id. */
export function processStart(pid: number): string | null {
  try {
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
