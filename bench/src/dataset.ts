import { createHash } from 'node:crypto';
import { caseloadIds, databaseVersion, login } from './api-client.ts';
import { accountTenant, asOwner, type ClusterAccess, clusterAccess } from './cluster-access.ts';
import type { LoadResult, LoadSpec } from './http-load.ts';
import { MemorySampler, readMemory } from './memory.ts';
import type { PgbenchResult } from './pgbench.ts';
import {
  type BoardContext,
  boardScript,
  overviewReadScript,
  type RequestContext,
  ratingWriteScript,
} from './pgbench-scripts.ts';
import { type RunningServer, startServer } from './server-process.ts';
import { round } from './stats.ts';

export const RATING_BODY = JSON.stringify({ domain: 'housing', rating: 'yellow', note: 'bench' });

export type RequestKind = 'read' | 'write';

/** One request measured through the API and, in the same run, as a pgbench transaction. */
export interface RequestMeasurement {
  api: LoadResult[];
  /** pgbench -M prepared: the ceiling. */
  ceiling: PgbenchResult[];
  /** pgbench -M extended at DIAGNOSTIC_CLIENTS: what planning every statement costs the database. */
  unprepared: PgbenchResult | null;
}

/** The deadline board measured: GET /api/deadlines as `leder`, for the leader's own unit. */
export interface BoardMeasurement extends RequestMeasurement {
  unitName: string;
  /** Episodes of the unit that are not ended, and their deadlines that are neither met nor closed. */
  openEpisodes: number;
  openDeadlines: number;
  /** Rows on the board's first page (the persons on it are audited). */
  listed: number;
}

/** Everything measured against one database. */
export interface DatasetResult {
  persons: number;
  loadSeconds: number;
  postgresVersion: string;
  caseloadSize: number;
  /** GET /api/persons/:id */
  read: RequestMeasurement;
  /** POST /api/persons/:id/ratings */
  write: RequestMeasurement;
  /** GET /api/deadlines as leder: on the largest database only (absent in results from before it). */
  board?: BoardMeasurement | null;
  memory: { atStartMb: number; peakDuringLoadMb: number; afterLoadMb: number; hwmMb: number };
}

/** A database with its server running, ready to be measured. */
export interface OpenDataset {
  persons: number;
  loadSeconds: number;
  dataDir: string;
  server: RunningServer;
  access: ClusterAccess;
  postgresVersion: string;
  caseloadSize: number;
  /** The HTTP request and the pgbench script doing the same in the database, per kind. */
  requests: Record<
    RequestKind,
    { http: Omit<LoadSpec, 'connections' | 'durationS' | 'warmupS'>; script: string }
  >;
  results: Record<RequestKind, RequestMeasurement>;
  /** The deadline board request and its pgbench script, when this database is to measure it. */
  board: { http: Omit<LoadSpec, 'connections' | 'durationS' | 'warmupS'>; script: string } | null;
  boardResult: BoardMeasurement | null;
  memory: { sampler: MemorySampler; atStartMb: number };
}

/**
 * Starts the server on a loaded data dir, logs in as behandler and prepares both requests; with
 * `board`, logs in as leder too and prepares the deadline board.
 */
export async function openDataset(
  dataDir: string,
  persons: number,
  loadSeconds: number,
  opts: { board: boolean } = { board: false },
): Promise<OpenDataset> {
  const server = await startServer(dataDir);
  try {
    const atStart = readMemory(server.pid);
    const postgresVersion = await databaseVersion(server.origin);
    const session = await login(server.origin, 'behandler', 'bedring-demo');
    const personIds = await caseloadIds(server.origin, session.token);
    const access = await clusterAccess(dataDir);
    const context: RequestContext = {
      tokenHash: createHash('sha256').update(session.token).digest('hex'),
      tenantId: await accountTenant(access, session.accountId),
      accountId: session.accountId,
      role: session.role,
      displayName: session.displayName,
      personIds,
    };
    const headers = { authorization: `Bearer ${session.token}` };
    const board = opts.board ? await prepareBoard(server.origin, access) : null;
    const sampler = new MemorySampler(server.pid);
    sampler.start();
    const empty = (): RequestMeasurement => ({ api: [], ceiling: [], unprepared: null });
    return {
      persons,
      loadSeconds,
      dataDir,
      server,
      access,
      postgresVersion,
      caseloadSize: personIds.length,
      requests: {
        read: {
          http: {
            origin: server.origin,
            method: 'GET',
            paths: personIds.map((id) => `/api/persons/${id}`),
            headers,
          },
          script: overviewReadScript(context),
        },
        write: {
          http: {
            origin: server.origin,
            method: 'POST',
            paths: personIds.map((id) => `/api/persons/${id}/ratings`),
            headers,
            body: RATING_BODY,
          },
          script: ratingWriteScript(context),
        },
      },
      results: { read: empty(), write: empty() },
      board: board && { http: board.http, script: board.script },
      boardResult: board && { ...empty(), ...board.info },
      memory: { sampler, atStartMb: atStart?.rssMb ?? Number.NaN },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** Stops the server (and its database) and returns what was measured. */
export async function closeDataset(ds: OpenDataset): Promise<DatasetResult> {
  const peak = ds.memory.sampler.stop();
  const after = readMemory(ds.server.pid);
  await ds.server.stop();
  return {
    persons: ds.persons,
    loadSeconds: round(ds.loadSeconds, 1),
    postgresVersion: ds.postgresVersion,
    caseloadSize: ds.caseloadSize,
    read: ds.results.read,
    write: ds.results.write,
    board: ds.boardResult,
    memory: {
      atStartMb: round(ds.memory.atStartMb, 1),
      peakDuringLoadMb: round(peak, 1),
      afterLoadMb: round(after?.rssMb ?? Number.NaN, 1),
      hwmMb: round(after?.hwmMb ?? Number.NaN, 1),
    },
  };
}

/**
 * The deadline board as the unit leader opens it: GET /api/deadlines for their own unit, first page.
 * The pgbench script gets the day the server will use (today in Oslo) and the leader's unit.
 */
async function prepareBoard(origin: string, access: ClusterAccess) {
  const session = await login(origin, 'leder', 'bedring-demo');
  const headers = { authorization: `Bearer ${session.token}` };
  const res = await fetch(`${origin}/api/deadlines`, { headers });
  if (!res.ok) throw new Error(`GET /api/deadlines failed: ${res.status} ${await res.text()}`);
  const page = (await res.json()) as { today: string; unitId: string; deadlines: unknown[] };
  const facts = await asOwner(access, (c) =>
    c.query<{ unit_name: string; episodes: number; deadlines: number }>(
      `select (select name from unit where id = $1) as unit_name,
         (select count(*)::int from episode where unit_id = $1 and state <> 'ended') as episodes,
         (select count(*)::int from pathway_deadline where unit_id = $1 and met_on is null and closed_on is null) as deadlines`,
      [page.unitId],
    ),
  );
  const row = facts.rows[0]!;
  const context: BoardContext = {
    tokenHash: createHash('sha256').update(session.token).digest('hex'),
    tenantId: await accountTenant(access, session.accountId),
    accountId: session.accountId,
    role: session.role,
    displayName: session.displayName,
    personIds: [],
    unitId: page.unitId,
    today: page.today,
  };
  return {
    http: { origin, method: 'GET' as const, paths: ['/api/deadlines'], headers },
    script: boardScript(context),
    info: {
      unitName: row.unit_name,
      openEpisodes: row.episodes,
      openDeadlines: row.deadlines,
      listed: page.deadlines.length,
    },
  };
}
