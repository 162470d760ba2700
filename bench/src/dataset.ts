import { createHash } from 'node:crypto';
import { caseloadIds, databaseVersion, login } from './api-client.ts';
import { type CheckinFacts, prepareCheckins } from './checkin-bench.ts';
import { accountTenant, asOwner, type ClusterAccess, clusterAccess } from './cluster-access.ts';
import type { LoadResult, LoadSpec } from './http-load.ts';
import { type JournalFacts, prepareJournal } from './journal-bench.ts';
import { MemorySampler, readMemory } from './memory.ts';
import type { PgbenchResult } from './pgbench.ts';
import {
  type BoardContext,
  boardScript,
  overviewReadScript,
  type RequestContext,
  ratingWriteScript,
  responseWriteScript,
  trajectoryReadScript,
} from './pgbench-scripts.ts';
import { PHQ9, PHQ9_ID, phq9Score, RESPONSE_BODY, RESPONSE_ITEMS } from './phq9.ts';
import type { PreparedRequest } from './prepared-request.ts';
import { prepareHistory, removeMeasuredResponses } from './response-history.ts';
import { type RunningServer, startServer } from './server-process.ts';
import { prepareStartPage, type StartPageFacts } from './start-page-bench.ts';
import { round } from './stats.ts';

export const RATING_BODY = JSON.stringify({ domain: 'housing', rating: 'yellow', note: 'bench' });

export type RequestKind =
  | 'read'
  | 'write'
  | 'response'
  | 'trajectory'
  | 'checkin'
  | 'journal'
  | 'note'
  | 'start'
  | 'pinned';

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
  /** POST /api/persons/:id/responses, a completed PHQ-9 (absent in results from before it). */
  response?: RequestMeasurement;
  /** GET /api/persons/:id/trajectories?questionnaire=phq-9 (absent in results from before it). */
  trajectory?: RequestMeasurement;
  /** The PHQ-9 history those two found (response-history.ts); null when neither was measured. */
  questionnaires?: QuestionnaireFacts | null;
  /** POST /api/persons/:id/checkins as the person, a new check-in each time (absent in results from before it). */
  checkin?: RequestMeasurement;
  /** POST /api/units/:id/signal-sweep as leder, one client (absent in results from before it). */
  sweep?: LoadResult | null;
  /** The check-in history those two found (checkin-bench.ts); null when neither was measured. */
  checkins?: CheckinFacts | null;
  /** GET /api/persons/:id/journal, the first page of a journal of 2,000 notes, at 8 clients (absent before it). */
  journal?: RequestMeasurement;
  /** POST /api/persons/:id/journal, a note signed at once, at 8 clients (absent before it). */
  note?: RequestMeasurement;
  /** What those two found (journal-bench.ts); null when they were not measured. */
  journalFacts?: JournalFacts | null;
  /** GET /api/persons, the caseload of a worker with 60 persons, at 8 clients (absent before it). */
  start?: RequestMeasurement;
  /** GET /api/help-requests/open, the same worker's pinned help requests, at 8 clients (absent before it). */
  pinned?: RequestMeasurement;
  /** What those two found (start-page-bench.ts); null when they were not measured. */
  startFacts?: StartPageFacts | null;
  memory: { atStartMb: number; peakDuringLoadMb: number; afterLoadMb: number; hwmMb: number };
}

/** What the questionnaire measurements found in the database. */
export interface QuestionnaireFacts {
  /** Persons the response measurement posts for, and the earlier PHQ-9 responses each has. */
  responsePersons: number;
  earlierResponses: number;
  /** PHQ-9 responses of the person whose trajectory is read. */
  trajectoryResponses: number;
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
  /** The requests measured, per kind; the questionnaire ones only when they are to be measured. */
  requests: { read: PreparedRequest; write: PreparedRequest } & Partial<Record<RequestKind, PreparedRequest>>;
  results: Record<RequestKind, RequestMeasurement>;
  questionnaires: QuestionnaireFacts | null;
  checkins: CheckinFacts | null;
  journalFacts: JournalFacts | null;
  startFacts: StartPageFacts | null;
  /** The signal sweep request, when this database is to measure it, and what it measured. */
  sweep: (PreparedRequest['http'] & { reset: () => Promise<void> }) | null;
  sweepResult: LoadResult | null;
  /** The deadline board request and its pgbench script, when this database is to measure it. */
  board: { http: Omit<LoadSpec, 'connections' | 'durationS' | 'warmupS'>; script: string } | null;
  boardResult: BoardMeasurement | null;
  memory: { sampler: MemorySampler; atStartMb: number };
}

/**
 * Starts the server on a loaded data dir, logs in as behandler and prepares both requests; with
 * `board`, logs in as leder too and prepares the deadline board; with `questionnaires`, writes the PHQ-9
 * history and prepares the response and trajectory requests.
 */
export async function openDataset(
  dataDir: string,
  persons: number,
  loadSeconds: number,
  opts: {
    board: boolean;
    questionnaires: boolean;
    checkins?: boolean;
    journal?: boolean;
    start?: boolean;
  } = {
    board: false,
    questionnaires: false,
  },
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
    const questionnaires = opts.questionnaires
      ? await prepareQuestionnaires(server.origin, headers, access, context)
      : null;
    const checkins = opts.checkins ? await prepareCheckins(server.origin, access) : null;
    const journal = opts.journal ? await prepareJournal(server.origin, headers, access, context) : null;
    // Last: it adds persons to the caseload, whose first 53 the other requests have taken already.
    const start = opts.start ? await prepareStartPage(server.origin, headers, access, context) : null;
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
        ...questionnaires?.requests,
        ...(checkins ? { checkin: checkins.checkin } : {}),
        ...journal?.requests,
        ...start?.requests,
      },
      results: {
        read: empty(),
        write: empty(),
        response: empty(),
        trajectory: empty(),
        checkin: empty(),
        journal: empty(),
        note: empty(),
        start: empty(),
        pinned: empty(),
      },
      questionnaires: questionnaires?.facts ?? null,
      checkins: checkins?.facts ?? null,
      journalFacts: journal?.facts ?? null,
      startFacts: start?.facts ?? null,
      sweep: checkins ? { ...checkins.sweep.http, reset: checkins.sweep.reset } : null,
      sweepResult: null,
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
    response: ds.results.response,
    trajectory: ds.results.trajectory,
    questionnaires: ds.questionnaires,
    checkin: ds.results.checkin,
    sweep: ds.sweepResult,
    checkins: ds.checkins,
    journal: ds.results.journal,
    note: ds.results.note,
    journalFacts: ds.journalFacts,
    start: ds.results.start,
    pinned: ds.results.pinned,
    startFacts: ds.startFacts,
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

/**
 * The questionnaire requests (docs/benchmarks.md): the first person of the caseload has answered PHQ-9 500
 * times and their trajectory is read; the others have a weekly history, and the response measurement posts
 * a completed PHQ-9 for them in turn, its own writes removed again before each run (response-history.ts).
 */
async function prepareQuestionnaires(
  origin: string,
  headers: Record<string, string>,
  access: ClusterAccess,
  context: RequestContext,
) {
  const [trajectoryPersonId, ...responsePersonIds] = context.personIds;
  if (!trajectoryPersonId || responsePersonIds.length === 0) throw new Error('the caseload is too small');
  const post = async (personId: string, body: string) => {
    const res = await fetch(`${origin}/api/persons/${personId}/responses`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 201)
      throw new Error(`POST a PHQ-9 response failed: ${res.status} ${await res.text()}`);
  };
  const history = await prepareHistory(access, { ...context, responsePersonIds, trajectoryPersonId }, post);
  // The script writes one score for every person: PHQ-9's bands are the same for all sexes.
  const score = phq9Score(RESPONSE_ITEMS, 'unknown');
  if (phq9Score(RESPONSE_ITEMS, 'male').band?.code !== score.band?.code)
    throw new Error('the response scores differently by sex; the pgbench script cannot write one score');
  const responses = { ...context, personIds: responsePersonIds };
  const requests: Partial<Record<RequestKind, PreparedRequest>> = {
    response: {
      http: {
        origin,
        method: 'POST',
        paths: responsePersonIds.map((id) => `/api/persons/${id}/responses`),
        headers,
        body: RESPONSE_BODY,
      },
      script: responseWriteScript({
        ...responses,
        questionnaireId: PHQ9_ID,
        questionnaireVersion: PHQ9.version ?? '',
        items: JSON.stringify(RESPONSE_ITEMS),
        score: {
          linkId: score.linkId,
          system: score.code.system ?? '',
          code: score.code.code ?? '',
          value: score.value,
          bandCode: score.band?.code ?? '',
          bandLevel: score.band?.level ?? '',
        },
      }),
      reset: () => removeMeasuredResponses(access, context.tenantId, responsePersonIds, history.since),
    },
    trajectory: {
      http: {
        origin,
        method: 'GET',
        paths: [`/api/persons/${trajectoryPersonId}/trajectories?questionnaire=${PHQ9_ID}`],
        headers,
      },
      script: trajectoryReadScript({ ...context, personIds: [trajectoryPersonId] }, PHQ9_ID),
    },
  };
  const facts: QuestionnaireFacts = {
    responsePersons: responsePersonIds.length,
    earlierResponses: history.earlierResponses,
    trajectoryResponses: history.trajectoryResponses,
  };
  return { requests, facts };
}
