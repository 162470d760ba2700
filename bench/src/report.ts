import type { BoardMeasurement, DatasetResult, RequestMeasurement } from './dataset.ts';
import type { LoadResult } from './http-load.ts';
import type { Machine } from './machine.ts';
import { DIAGNOSTIC_CLIENTS, TARGET_CLIENTS } from './measure.ts';
import { round } from './stats.ts';

export interface BenchResults {
  startedAt: string;
  wallSeconds: number;
  revision: string;
  machine: Machine;
  pgbench: string;
  /** First line of `wrk --version`; absent in results from before wrk, when autocannon 9 made the HTTP load. */
  wrk?: string;
  timing: { connections: number[]; durationS: number; warmupS: number };
  /** 1-minute load average before and after the run: other work on the machine skews everything. */
  loadAverage: { before: number; after: number };
  floor: LoadResult[];
  datasets: DatasetResult[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean;
}

const MEMORY_LIMIT_MB = 250;
/**
 * The deadline board (docs/decisions/0004-care-pathway.md): p95 at 8 clients on a unit with this many open
 * episodes.
 */
const BOARD_P95_MS = 50;
const BOARD_CLIENTS = 8;
const BOARD_OPEN_EPISODES = 5000;
/** The questionnaire response write (docs/benchmarks.md): share of its pgbench ceiling at 8 clients. */
const RESPONSE_SHARE = 0.5;
/**
 * The trajectory of a person with 500 responses reads with p95 ≤ 30 ms (docs/benchmarks.md). The target
 * gives no concurrency for it (it does for the response write), so it is checked for one reader, and
 * also at 8 clients, the suite's middle concurrency, as a stricter reading.
 */
const TRAJECTORY_P95_MS = 30;
const TRAJECTORY_CLIENTS = [1, 8];
/** The daily check-in (docs/benchmarks.md): share of its pgbench ceiling at 32 clients. */
const CHECKIN_SHARE = 0.5;
const CHECKIN_CLIENTS = 32;
/** The unit's signal sweep: p95 of sequential runs, for a unit with at least this many persons in active care. */
const SWEEP_P95_MS = 200;
const SWEEP_PERSONS = 500;
/**
 * The journal and the start page (docs/benchmarks.md): the note write's share of its pgbench ceiling, and the
 * reads' p95 against pgbench's p95 doing the same, all at 8 clients.
 */
const NOTE_SHARE = 0.5;
const READ_P95_TIMES = 2;

export function checkTargets(r: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  // A partial run (BENCH_ONLY) checks only what it measured.
  for (const d of r.datasets.filter((x) => x.write.api.length > 0)) {
    const api = at(d.write.api, 8);
    const ceiling = at(d.write.ceiling, 8);
    const ratio = api && ceiling ? api.rps / ceiling.tps : Number.NaN;
    checks.push({
      target: `Write ≥ 50 % of the pgbench ceiling at 8 clients (${persons(d)})`,
      measured: `${fmt(api?.rps)} / ${fmt(ceiling?.tps)} tx/s = ${pct(ratio)}`,
      pass: Boolean(api?.valid) && ratio >= 0.5,
    });
  }
  for (const d of r.datasets.filter((x) => x.read.api.length > 0)) {
    const api = at(d.read.api, 32);
    const ceiling = at(d.read.ceiling, 32);
    checks.push({
      target: `Read p99 ≤ 25 ms at 32 clients (${persons(d)})`,
      measured: `p99 ${ms(api?.latencyMs.p99)} ms (pgbench doing the same: p99 ${ms(ceiling?.latencyMs.p99)} ms)`,
      pass: Boolean(api?.valid) && (api?.latencyMs.p99 ?? Number.POSITIVE_INFINITY) <= 25,
    });
  }
  for (const d of r.datasets) {
    const m = d.response;
    if (!m || m.api.length === 0) continue;
    const api = at(m.api, 8);
    const ceiling = at(m.ceiling, 8);
    const ratio = api && ceiling ? api.rps / ceiling.tps : Number.NaN;
    checks.push({
      target: `Questionnaire response ≥ ${pct(RESPONSE_SHARE)} of the pgbench ceiling at 8 clients (${persons(d)})`,
      measured: `${fmt(api?.rps)} / ${fmt(ceiling?.tps)} tx/s = ${pct(ratio)}`,
      pass: Boolean(api?.valid) && ratio >= RESPONSE_SHARE,
    });
  }
  for (const clients of TRAJECTORY_CLIENTS)
    for (const d of r.datasets) {
      const m = d.trajectory;
      if (!m || m.api.length === 0) continue;
      const api = at(m.api, clients);
      const ceiling = at(m.ceiling, clients);
      const responses = d.questionnaires?.trajectoryResponses ?? Number.NaN;
      const who = clients === 1 ? 'one reader' : `${clients} clients, a stricter reading`;
      checks.push({
        target: `Trajectory of ${fmt(responses)} responses p95 ≤ ${TRAJECTORY_P95_MS} ms, ${who} (${persons(d)})`,
        measured: `p95 ${ms(api?.latencyMs.p95)} ms (pgbench doing the same: p95 ${ms(ceiling?.latencyMs.p95)} ms; ${fmt(api?.rps)} / ${fmt(ceiling?.tps)} tx/s = ${pct(api && ceiling ? api.rps / ceiling.tps : Number.NaN)})`,
        pass: Boolean(api?.valid) && (api?.latencyMs.p95 ?? Number.POSITIVE_INFINITY) <= TRAJECTORY_P95_MS,
      });
    }
  for (const d of r.datasets) {
    const m = d.checkin;
    if (!m || m.api.length === 0) continue;
    const api = at(m.api, CHECKIN_CLIENTS);
    const ceiling = at(m.ceiling, CHECKIN_CLIENTS);
    const ratio = api && ceiling ? api.rps / ceiling.tps : Number.NaN;
    checks.push({
      target: `Check-in ≥ ${pct(CHECKIN_SHARE)} of the pgbench ceiling at ${CHECKIN_CLIENTS} clients (${persons(d)})`,
      measured: `${fmt(api?.rps)} / ${fmt(ceiling?.tps)} tx/s = ${pct(ratio)}`,
      pass: Boolean(api?.valid) && ratio >= CHECKIN_SHARE,
    });
  }
  for (const d of r.datasets) {
    const m = d.note;
    if (!m || m.api.length === 0) continue;
    const api = at(m.api, TARGET_CLIENTS);
    const ceiling = at(m.ceiling, TARGET_CLIENTS);
    const ratio = api && ceiling ? api.rps / ceiling.tps : Number.NaN;
    checks.push({
      target: `Journal note written and signed ≥ ${pct(NOTE_SHARE)} of the pgbench ceiling at ${TARGET_CLIENTS} clients (${persons(d)})`,
      measured: `${fmt(api?.rps)} / ${fmt(ceiling?.tps)} tx/s = ${pct(ratio)}`,
      pass: Boolean(api?.valid) && ratio >= NOTE_SHARE,
    });
  }
  const p95Within = (d: DatasetResult, m: RequestMeasurement | undefined, what: string) => {
    if (!m || m.api.length === 0) return;
    const api = at(m.api, TARGET_CLIENTS);
    const ceiling = at(m.ceiling, TARGET_CLIENTS);
    const times = api && ceiling ? api.latencyMs.p95 / ceiling.latencyMs.p95 : Number.NaN;
    checks.push({
      target: `${what} p95 within ${READ_P95_TIMES}× of pgbench doing the same at ${TARGET_CLIENTS} clients (${persons(d)})`,
      measured: `p95 ${ms(api?.latencyMs.p95)} ms against ${ms(ceiling?.latencyMs.p95)} ms (${fmtX(times)}; ${fmt(api?.rps)} / ${fmt(ceiling?.tps)} tx/s)`,
      pass: Boolean(api?.valid) && times <= READ_P95_TIMES,
    });
  };
  for (const d of r.datasets) {
    p95Within(d, d.journal, `Journal view of ${fmt(d.journalFacts?.notes)} notes, first page,`);
    p95Within(d, d.start, `Start page of a worker with ${fmt(d.startFacts?.persons)} persons, the caseload,`);
    p95Within(
      d,
      d.pinned,
      `Start page of a worker with ${fmt(d.startFacts?.persons)} persons, the pinned help requests (${fmt(d.startFacts?.openHelpRequests)} open),`,
    );
  }
  // The target is for a unit of 500: a smaller unit (the small database's) says nothing about it.
  const swept = r.datasets.filter((d) => d.sweep);
  if (swept.length > 0 && !swept.some((d) => (d.checkins?.unitPersons ?? 0) >= SWEEP_PERSONS)) {
    checks.push({
      target: `Signal sweep of a unit with ≥ ${SWEEP_PERSONS} persons in active care p95 ≤ ${SWEEP_P95_MS} ms`,
      measured: 'no measured unit was that large',
      pass: false,
    });
  }
  for (const d of swept) {
    const s = d.sweep!;
    const unitPersons = d.checkins?.unitPersons ?? 0;
    if (unitPersons < SWEEP_PERSONS) continue;
    checks.push({
      target: `Signal sweep of a unit with ≥ ${SWEEP_PERSONS} persons in active care p95 ≤ ${SWEEP_P95_MS} ms (${persons(d)})`,
      measured: `p95 ${ms(s.latencyMs.p95)} ms (p50 ${ms(s.latencyMs.p50)}, max ${ms(s.latencyMs.max)}; ${fmt(s.ok)} runs), ${fmt(unitPersons)} persons in ${d.checkins?.unitName ?? '?'}`,
      pass: s.valid && s.latencyMs.p95 <= SWEEP_P95_MS,
    });
  }
  const small = r.datasets[0];
  const large = r.datasets[r.datasets.length - 1];
  if (small && large && small !== large && small.read.api.length > 0) {
    const a = at(small.read.api, 8);
    const b = at(large.read.api, 8);
    const p50 = a && b ? b.latencyMs.p50 / a.latencyMs.p50 : Number.NaN;
    const p99 = a && b ? b.latencyMs.p99 / a.latencyMs.p99 : Number.NaN;
    checks.push({
      target: `Read latency at ${persons(large)} within 1.5× of ${persons(small)} (8 clients)`,
      measured: `p50 ${ms(a?.latencyMs.p50)} → ${ms(b?.latencyMs.p50)} ms (${fmtX(p50)}), p99 ${ms(a?.latencyMs.p99)} → ${ms(b?.latencyMs.p99)} ms (${fmtX(p99)})`,
      pass: Boolean(a?.valid && b?.valid) && p50 <= 1.5 && p99 <= 1.5,
    });
  }
  for (const d of r.datasets) {
    const b = d.board;
    if (!b || b.api.length === 0) continue;
    const api = at(b.api, BOARD_CLIENTS);
    const ceiling = at(b.ceiling, BOARD_CLIENTS);
    checks.push({
      target: `Deadline board p95 ≤ ${BOARD_P95_MS} ms at ${BOARD_CLIENTS} clients (${BOARD_OPEN_EPISODES.toLocaleString('en-US')} open episodes, ${persons(d)})`,
      measured: `p95 ${ms(api?.latencyMs.p95)} ms, ${fmt(b.openEpisodes)} open episodes in ${b.unitName} (pgbench doing the same: p95 ${ms(ceiling?.latencyMs.p95)} ms; ${fmt(api?.rps)} / ${fmt(ceiling?.tps)} tx/s = ${pct(api && ceiling ? api.rps / ceiling.tps : Number.NaN)})`,
      pass:
        Boolean(api?.valid) &&
        b.openEpisodes >= BOARD_OPEN_EPISODES &&
        (api?.latencyMs.p95 ?? Number.POSITIVE_INFINITY) <= BOARD_P95_MS,
    });
  }
  const peak = Math.max(...r.datasets.map((d) => Math.max(d.memory.hwmMb, d.memory.peakDuringLoadMb)));
  checks.push({
    target: `Server resident memory ≤ ${MEMORY_LIMIT_MB} MB`,
    measured: `peak ${fmt(peak)} MB (VmHWM of the Node process)`,
    pass: peak <= MEMORY_LIMIT_MB,
  });
  return checks;
}

export function renderMarkdown(r: BenchResults, checks: TargetCheck[]): string {
  const m = r.machine;
  const lines: string[] = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (bench/src/run.ts); do not edit by hand. Raw JSON of every run is written to',
    '`bench/results/` (git-ignored); `node bench/src/render.ts <results.json>` renders this page from one.',
    '',
    'Results are stated against ceilings measured in the same run on the same machine (docs/architecture.md,',
    '"Tests"): **pgbench** doing the same database transaction as the request, on the same database,',
    'at the same concurrency, and the **HTTP floor**, an empty Fastify route. Load generator, server,',
    'PostgreSQL and pgbench share the machine, so absolute figures say little; the ratios are what to compare.',
    '',
    `- Run: ${r.startedAt}, wall time ${minutes(r.wallSeconds)}; server code at ${r.revision}`,
    `- Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB memory, ${m.os}, Linux ${m.kernel}`,
    `- Node ${m.node}; PostgreSQL ${r.datasets[0]?.postgresVersion ?? '?'} (embedded, default settings); ${r.pgbench}`,
    `- Load average (1 min) before the run ${r.loadAverage.before}, after ${r.loadAverage.after}${r.loadAverage.before > 0.5 ? ' (other work was running: treat the figures with care)' : ''}`,
    `- Each measurement: ${r.timing.warmupS} s warm-up (discarded), then ${r.timing.durationS} s; ${loadGenerator(r)} as user \`behandler\`, rotating over the caseload (the deadline board and signal sweep as \`leder\`, check-ins as the persons themselves)`,
    '',
    '## Targets',
    '',
    '| Target | Measured | Result |',
    '|---|---|---|',
    ...checks.map((c) => `| ${c.target} | ${c.measured} | ${c.pass ? 'PASS' : '**FAIL**'} |`),
    '',
    'The trajectory target (500 responses read with p95 ≤ 30 ms) gives no concurrency, unlike the response write beside it: it is',
    'checked for one reader, and at 8 clients as a stricter reading, where on 2 cores the wait for the CPU that',
    'wrk, Node and PostgreSQL share is most of the latency.',
    '',
  ];
  for (const d of r.datasets) {
    lines.push(
      `## ${persons(d)} (demo data loaded in ${d.loadSeconds} s; caseload of ${d.caseloadSize})`,
      '',
      ...(d.read.api.length > 0
        ? table('Person overview read: `GET /api/persons/:id`', d.read, r.floor)
        : []),
      ...(d.trajectory && d.trajectory.api.length > 0
        ? table(
            `Trajectory read: \`GET /api/persons/:id/trajectories?questionnaire=phq-9\` (one person, ${fmt(d.questionnaires?.trajectoryResponses)} PHQ-9 responses)`,
            d.trajectory,
            r.floor,
            true,
          )
        : []),
      ...(d.board && d.board.api.length > 0 ? boardTable(d.board, r.floor) : []),
      ...(d.journal && d.journal.api.length > 0
        ? table(
            `Journal view: \`GET /api/persons/:id/journal\`, the first page of ${fmt(d.journalFacts?.notes)} signed notes (${fmt(d.journalFacts?.amendments)} amended)`,
            d.journal,
            r.floor,
            true,
          )
        : []),
      ...(d.start && d.start.api.length > 0
        ? table(
            `Start page, the caseload: \`GET /api/persons\` for a worker with ${fmt(d.startFacts?.persons)} persons (open help requests, signals, overdue deadlines and tasks, last contact)`,
            d.start,
            r.floor,
            true,
          )
        : []),
      ...(d.pinned && d.pinned.api.length > 0
        ? table(
            `Start page, the pinned help requests: \`GET /api/help-requests/open\` for the same worker (${fmt(d.startFacts?.openHelpRequests)} open)`,
            d.pinned,
            r.floor,
            true,
          )
        : []),
      ...(d.write.api.length > 0
        ? table(
            'Rating write: `POST /api/persons/:id/ratings` (rating and audit event in one transaction)',
            d.write,
            r.floor,
          )
        : []),
      ...(d.response && d.response.api.length > 0
        ? table(
            `Questionnaire response: \`POST /api/persons/:id/responses\`, a completed PHQ-9 (validated, scored, stored with its observation, dues done, alert rules, audited; ${fmt(d.questionnaires?.responsePersons)} persons with ${fmt(d.questionnaires?.earlierResponses)} earlier responses each)`,
            d.response,
            r.floor,
          )
        : []),
      ...(d.checkin && d.checkin.api.length > 0
        ? table(
            `Daily check-in: \`POST /api/persons/:id/checkins\` as the person, a new check-in each time (facts read, check-in, signal rules, audited; ${fmt(d.checkins?.checkinPersons)} persons with their own sessions, ${fmt(d.checkins?.earlierCheckins)} earlier check-ins each)`,
            d.checkin,
            r.floor,
          )
        : []),
      ...(d.note && d.note.api.length > 0
        ? table(
            `Journal note: \`POST /api/persons/:id/journal\`, signed at once (its contact recorded, session feedback planned, audited; ${fmt(d.journalFacts?.writePersons)} persons)`,
            d.note,
            r.floor,
          )
        : []),
      ...(d.sweep ? sweepTable(d) : []),
    );
  }
  lines.push(
    '## HTTP floor: empty Fastify route',
    '',
    '| Clients | req/s | p50 ms | p99 ms |',
    '|---:|---:|---:|---:|',
    ...r.floor.map(
      (f) => `| ${f.connections} | ${fmt(f.rps)} | ${ms(f.latencyMs.p50)} | ${ms(f.latencyMs.p99)} |`,
    ),
    '',
    '## Server memory (Node process, /proc/<pid>/status)',
    '',
    '| Database | RSS at start | Peak RSS under load | RSS after load | VmHWM |',
    '|---|---:|---:|---:|---:|',
    ...r.datasets.map(
      (d) =>
        `| ${persons(d)} | ${d.memory.atStartMb} MB | ${d.memory.peakDuringLoadMb} MB | ${d.memory.afterLoadMb} MB | ${d.memory.hwmMb} MB |`,
    ),
    '',
    '## How it is measured',
    '',
    '- Each database is a fresh temporary data dir loaded with `bedring demo --persons N` (the load time',
    '  above). Both are then served at once (`bedring start`, `BEDRING_DEMO=0`, free loopback ports) and',
    '  measured interleaved: at each concurrency the API and then pgbench on the small database, then the same on',
    '  the large one. Every comparison (API against ceiling, large database against small) is thus between',
    '  measurements a minute or two apart, which matters on a shared machine.',
    '- All reads are measured before all writes, because the writes add ratings to the persons whose overview',
    '  the reads fetch.',
    '- The pgbench ceiling (`pgbench -n -M prepared -c N -j min(2,N) -T d`) runs as the application role',
    '  `bedring_app`, so row-level security applies as for the server. Its script does what the request does in',
    '  the database: one transaction that looks up the session (`auth_find_session`) in the statement that sets',
    '  `set_config(app.tenant_id / app.account_id, true)` from it (the server sends BEGIN in the same message;',
    '  pgbench cannot prepare a compound command, so its BEGIN goes alone), the access check (person, care_relation, consent,',
    '  break_glass), the work (the overview’s three queries, or the rating insert) and the audit-event insert.',
    '  The server sends a write with its audit event and COMMIT in one message (decision 0010); pgbench cannot,',
    '  so for the writes the audit event is a part of the write statement and COMMIT goes alone.',
    '  Latency percentiles come from its per-transaction log. See bench/src/pgbench-scripts.ts.',
    '- The deadline board (`GET /api/deadlines` as `leder`, the first page of 50 for the leader’s own unit) is',
    '  measured on the largest database only, after the reads. Its pgbench script does the same: the',
    '  transaction with the session and the settings, the board’s count query and page query (the SQL Kysely',
    '  generates for deadline-board.routes.ts) and an audit event for each person on the page (the server sends',
    '  them as one insert with COMMIT; pgbench as one insert … select from the page in the page’s statement).',
    '  The page query and the count use the covering partial indexes of migration 0004.',
    '- The questionnaire measurements answer PHQ-9 as shipped. First each database gets a PHQ-9',
    '  history, written as the owner in one statement with the domain’s scores and bands',
    '  (bench/src/response-history.ts): the caseload’s first person has 500 weekly responses (severe at first,',
    '  better over the years, with relapses), every other caseload person 12 weekly ones around 10; then one',
    '  response each through the API raises their no-improvement alert. The trajectory read (500 points) comes',
    '  after the person overview reads; the response write (every item “several days”, total 9) after the rating',
    '  writes, in turn for the other caseload persons. Before each response measurement, API or pgbench, what the',
    '  earlier ones wrote is deleted and the tables vacuumed: the alert rules read the score’s whole trajectory',
    '  on every response, so each measurement starts from the same history. Their pgbench scripts send the SQL',
    '  the server sends: for the response, one read in the access check’s statement (the person’s sex, the open',
    '  episode, the alert rules, the trajectory, the waiting alerts and the instrument’s settings), one write (the',
    '  response, the observation, the due update, which finds none: the demo plans no instruments, and the audit',
    '  event; the alert is already waiting, so neither side inserts one); for the trajectory (as staff, of a shipped instrument: no instrument',
    '  or settings query), each score’s points as one JSON array (the time as ISO text) and the audit event.',
    '- The check-in measurements (bench/src/checkin-bench.ts) first give every person in active',
    '  care in `leder`’s unit a patient account and one check-in a day for the 28 days before (fair days; every',
    '  tenth person with a craving streak, every twentieth with a lapse, every twenty-fifth stopped four days',
    '  ago, which the rules raise signals for), as',
    '  the owner in one statement; then up to 200 of the persons without such a pattern each get a session and',
    '  post one check-in through the API (no signal), and one sweep raises the patterns’ signals. The check-in',
    '  write (after the response writes) posts a new check-in (a fresh UUID per request, made by wrk’s script) as',
    '  the person, rotating over those persons and their own tokens. Its pgbench script takes the token from the',
    '  same list (the session’s columns become the actor), then does the transaction, the access check as the',
    '  patient, the facts read, the write CTE (the check-in with `gen_random_uuid()`, no lapse, an empty list of',
    '  signals, as the server sends for a fair day) and the audit event. Before each check-in measurement, and',
    '  before the sweep, what earlier ones wrote is deleted and the tables vacuumed. The sweep',
    '  (`POST /api/units/:id/signal-sweep` as `leder`, one client for the measurement’s duration) is a latency',
    '  target: no pgbench ceiling; it takes every person’s last check-in day, runs the rules for those who went',
    '  quiet, and finds their signals already raised.',
    '- The journal and the start page are measured on the largest database, at 8 clients (their targets’',
    '  concurrency), after the deadline board; the note write after the check-ins (bench/src/journal-bench.ts,',
    '  bench/src/start-page-bench.ts). The caseload’s first person gets 2,000 signed notes over the years (every',
    '  40th amended), written as the owner in one statement; the journal view reads its first page (25 notes, their',
    '  amendments, the authors and organisations for the filters, the audit event). The note write posts a',
    '  note signed at once for the other caseload persons in turn; each has had one note through the API first, so',
    '  that the session feedback a contact plans is already waiting (the steady state). Its pgbench script: the',
    '  open episode, the contact, the instruments and their settings, what is waiting, the organisation’s name,',
    '  the note with its two audit events in one statement. For the start page, `behandler`’s caseload is topped',
    '  up to 60 persons with care relations and three of them have an open help request; the caseload',
    '  (`GET /api/persons`, one statement with four lateral counts per person and one audit event) and the pinned',
    '  help requests (`GET /api/help-requests/open`, each shown audited) are measured one after the other.',
    ...latencyMethod(r),
    '- The server runs as shipped: request logging at `info` to a file, the audit sealer every 2 s.',
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm run bench   # about 21 minutes on 2 cores; needs pgbench (Debian postgresql-NN) and wrk (Debian wrk), apt-installed when run as root',
    '```',
    '',
    'Environment: `BENCH_DURATION` (s per measurement, default 10), `BENCH_WARMUP` (s, default 3),',
    '`BENCH_PERSONS` (comma-separated sizes, default `1000,100000`), `BENCH_DEADLINE_MIN` (the whole run is',
    'stopped and cleaned up after this many minutes, default 28), `BENCH_ONLY` (comma-separated, of `read`,',
    '`trajectory`, `board`, `journal`, `start`, `write`, `response`, `checkin`, `sweep`: measure only these; such a partial run prints its report and',
    'writes the raw JSON, but leaves this page as it is), `BENCH_KEEP_DATA` (a directory to load the databases',
    'into and keep, and to reuse them from on the next run: for working on one measurement, not for this page).',
    'The deadline board alone, quickly, and the questionnaire response and trajectory alone:',
    '',
    '```sh',
    'BENCH_ONLY=board BENCH_PERSONS=100000 BENCH_DURATION=5 BENCH_WARMUP=2 npm run bench',
    'BENCH_ONLY=response,trajectory BENCH_PERSONS=1000 npm run bench',
    '```',
    '',
  );
  return lines.join('\n');
}

/** A request's measurements against its ceilings; with `p95`, the 95th percentiles too (their target). */
function table(title: string, m: RequestMeasurement, floor: LoadResult[], p95 = false): string[] {
  const p95Of = (l: { latencyMs: { p95: number } } | undefined) => (p95 ? ` ${ms(l?.latencyMs.p95)} |` : '');
  const rows = m.api.map((a) => {
    const c = at(m.ceiling, a.connections);
    const f = at(floor, a.connections);
    const ratio = c ? pct(a.rps / c.tps) : '–';
    const ofFloor = f ? pct(a.rps / f.rps) : '–';
    const flag = a.valid
      ? ''
      : ` (INVALID: ${a.errors} errors, ${a.timeouts} timeouts, ${a.non2xx} failed statuses)`;
    return `| ${a.connections} | ${fmt(a.rps)}${flag} | ${ms(a.latencyMs.p50)} |${p95Of(a)} ${ms(a.latencyMs.p99)} | ${fmt(c?.tps)} | ${ms(c?.latencyMs.p50)} |${p95Of(c)} ${ms(c?.latencyMs.p99)} | **${ratio}** | ${ofFloor} |`;
  });
  const p95Head = (who: string) => (p95 ? ` ${who} p95 ms |` : '');
  return [
    `### ${title}`,
    '',
    `| Clients | API req/s | API p50 ms |${p95Head('API')} API p99 ms | pgbench tx/s | pgbench p50 ms |${p95Head('pgbench')} pgbench p99 ms | API / ceiling | API / HTTP floor |`,
    `|---:|---:|---:|${p95 ? '---:|' : ''}---:|---:|---:|${p95 ? '---:|' : ''}---:|---:|---:|`,
    ...rows,
    '',
    ...(m.unprepared
      ? [
          `For comparison, pgbench without prepared statements (\`-M extended\`: every statement parsed and planned;`,
          `the server prepares its statements, see docs/decisions/0003) at ${DIAGNOSTIC_CLIENTS} clients: ${fmt(m.unprepared.tps)} tx/s, p99 ${ms(m.unprepared.latencyMs.p99)} ms; the API reaches ${apiShare(m)} of that.`,
          '',
        ]
      : []),
  ];
}

/** The sweep: sequential runs as the unit leader, and the unit it read. */
function sweepTable(d: DatasetResult): string[] {
  const s = d.sweep!;
  const c = d.checkins;
  const flag = s.valid
    ? ''
    : ` (INVALID: ${s.errors} errors, ${s.timeouts} timeouts, ${s.non2xx} failed statuses)`;
  return [
    `### Signal sweep: \`POST /api/units/:id/signal-sweep\` as \`leder\` (${c?.unitName ?? '?'}: ${fmt(c?.unitPersons)} persons in active care, ${fmt(c?.windowCheckins)} check-ins in the rules' window, ${fmt(c?.openSignals)} open signals)`,
    '',
    '| Clients | Runs | Runs/s | p50 ms | p95 ms | p99 ms | max ms |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| 1 | ${fmt(s.ok)}${flag} | ${s.rps} | ${ms(s.latencyMs.p50)} | ${ms(s.latencyMs.p95)} | ${ms(s.latencyMs.p99)} | ${ms(s.latencyMs.max)} |`,
    '',
  ];
}

function boardTable(b: BoardMeasurement, floor: LoadResult[]): string[] {
  const rows = b.api.map((a) => {
    const c = at(b.ceiling, a.connections);
    const f = at(floor, a.connections);
    const flag = a.valid
      ? ''
      : ` (INVALID: ${a.errors} errors, ${a.timeouts} timeouts, ${a.non2xx} failed statuses)`;
    return `| ${a.connections} | ${fmt(a.rps)}${flag} | ${ms(a.latencyMs.p50)} | ${ms(a.latencyMs.p95)} | ${ms(a.latencyMs.p99)} | ${fmt(c?.tps)} | ${ms(c?.latencyMs.p50)} | ${ms(c?.latencyMs.p95)} | ${ms(c?.latencyMs.p99)} | **${c ? pct(a.rps / c.tps) : '–'}** | ${f ? pct(a.rps / f.rps) : '–'} |`;
  });
  return [
    `### Deadline board: \`GET /api/deadlines\` as \`leder\` (${b.unitName}: ${fmt(b.openEpisodes)} open episodes, ${fmt(b.openDeadlines)} open deadlines, ${b.listed} on the page)`,
    '',
    '| Clients | API req/s | API p50 ms | API p95 ms | API p99 ms | pgbench tx/s | pgbench p50 ms | pgbench p95 ms | pgbench p99 ms | API / ceiling | API / HTTP floor |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ];
}

/** The HTTP load generator, as the results record it. */
function loadGenerator(r: BenchResults): string {
  return r.wrk
    ? `\`${r.wrk}\` (a C load generator; HTTP/1.1 keep-alive, no pipelining, N connections on min(2, N) threads)`
    : 'autocannon 9 (HTTP/1.1, no pipelining)';
}

function latencyMethod(r: BenchResults): string[] {
  if (!r.wrk)
    return [
      '- API latency percentiles are exact (every 2xx response), not autocannon’s whole-millisecond histogram.',
      '  A measurement with more than 1 % failed requests is marked invalid and its targets fail.',
    ];
  return [
    '- API latency percentiles come from wrk’s histogram of every response, at microsecond resolution, and are',
    '  nearest-rank like pgbench’s. wrk adds synthetic samples to that histogram to correct for coordinated',
    '  omission; the benchmark takes them out again (bench/src/wrk.ts), so that both sides report the latencies',
    '  actually measured. wrk counts failed responses (status ≥ 400) but not successful ones by status: the',
    '  latencies include failed responses, which a valid measurement has few of. A measurement with more than',
    '  1 % failed requests (socket errors, timeouts after 10 s, status ≥ 400) is marked invalid and its targets fail.',
  ];
}

function apiShare(m: RequestMeasurement): string {
  const a = at(m.api, DIAGNOSTIC_CLIENTS);
  return a && m.unprepared ? pct(a.rps / m.unprepared.tps) : '–';
}

function at<T extends { connections: number } | { clients: number }>(list: T[], n: number): T | undefined {
  return list.find((x) => ('connections' in x ? x.connections : x.clients) === n);
}

function persons(d: DatasetResult): string {
  return `${d.persons.toLocaleString('en-US')} persons`;
}

function fmt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '–' : Math.round(v).toLocaleString('en-US');
}

function ms(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1);
}

function pct(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v * 100)} %` : '–';
}

function fmtX(v: number): string {
  return Number.isFinite(v) ? `${round(v, 2)}×` : '–';
}

function minutes(s: number): string {
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
