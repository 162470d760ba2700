import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../packages/server/src/db/embedded.ts';
import { PG15_BIN } from './system-packages.ts';

/** For a cluster that is thrown away after the tests: no waiting for the disk (scripts/test.ts). */
export const THROW_AWAY_SETTINGS = ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off'];

/**
 * Debian's PostgreSQL 15 in a throw-away cluster on loopback: the production-compatibility run of
 * the integration tests. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
 */
export async function startPostgres15(): Promise<{ ownerUrl: string; stop(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bedring-pg15-'));
  chmodSync(dir, 0o777);
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(dir, 'pw');
  writeFileSync(pwfile, password);
  chmodSync(pwfile, 0o644);
  const data = path.join(dir, 'data');
  const asPostgres = (cmd: string, args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' })
      : execFileSync(cmd, args, { stdio: 'pipe' });
  asPostgres(`${PG15_BIN}/initdb`, [
    '-D',
    data,
    '-U',
    'bedring_owner',
    `--pwfile=${pwfile}`,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await freePort();
  asPostgres(`${PG15_BIN}/pg_ctl`, [
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    [
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      ...THROW_AWAY_SETTINGS.map((s) => `-c ${s.replaceAll(' ', '')}`),
    ].join(' '),
    'start',
  ]);
  execFileSync(
    `${PG15_BIN}/psql`,
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'bedring_owner',
      '-d',
      'postgres',
      '-c',
      'create database bedring',
    ],
    {
      env: { ...process.env, PGPASSWORD: password },
      stdio: 'pipe',
    },
  );
  return {
    ownerUrl: `postgres://bedring_owner:${encodeURIComponent(password)}@127.0.0.1:${port}/bedring`,
    stop() {
      try {
        asPostgres(`${PG15_BIN}/pg_ctl`, ['-D', data, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
