import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** What the numbers were measured on. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  kernel: string;
  os: string;
  node: string;
}

export function describeMachine(): Machine {
  let osName = `${os.type()} ${os.release()}`;
  try {
    osName = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? osName;
  } catch {}
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: os.release(),
    os: osName,
    node: process.version,
  };
}

/** The server code measured: the commit, and whether packages/ had uncommitted changes. */
export function describeRevision(repo: string): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--', 'packages')
      ? `${commit} with uncommitted changes in packages/`
      : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
