import type { Machine } from '../machine.ts';
import type { CommandResult, KillResult, OutageResult, StopResult } from './scenarios.ts';
import type { SoakResult } from './soak.ts';

export interface ReliabilityRun {
  ranAt: string;
  revision: string;
  machine: Machine;
  minutes: number;
  /** The host's 1-minute load average at the start and the end: times to healthy stretch on a busy host. */
  load: [number, number];
  env: Record<string, string>;
  writers: number;
  kills: KillResult[];
  sigterm: StopResult;
  outages: OutageResult[];
  commands: { results: CommandResult[]; answers: string };
  soak: SoakResult;
}

const s = (v: number | null) => (v === null ? 'never' : `${v.toFixed(1)} s`);

/** docs/reliability.md, written anew by every run of `npm run faults`. */
export function renderReliability(r: ReliabilityRun): string {
  const lost = r.kills.reduce((n, k) => n + k.lost, 0) + r.sigterm.lost;
  const acknowledged = r.kills.reduce((n, k) => n + k.acknowledged, 0) + r.sigterm.acknowledged;
  const k = r.soak;
  return `# Reliability

What \`npm run faults\` measured: real Bedring servers on a throwaway embedded database, killed, stopped,
starved and soaked, as an operator, a crash or the machine would (the scenarios are in
\`bench/src/faults/\`). Every run writes this page anew. It is not part of \`npm test\`.

Last run: ${r.ranAt}, revision ${r.revision}, ${r.minutes.toFixed(1)} minutes, on ${r.machine.cpus} × ${r.machine.cpuModel}
(${r.machine.memoryGb} GB, ${r.machine.os}, Node ${r.machine.node}), load average ${r.load[0].toFixed(1)} at the start
and ${r.load[1].toFixed(1)} at the end. Database timeouts for the run:
${Object.entries(r.env)
  .map(([n, v]) => `\`${n}=${v}\``)
  .join(', ')} (shorter than the defaults, so that a 15-s freeze shows).

**${lost} of ${acknowledged} acknowledged writes lost** (must be 0).

## kill -9 under ${r.writers} writers

Each writer posts a rating with a unique note; a write counts as acknowledged when the server answered
201. After each kill the server is started again (when Node was killed) or restarts its database by itself
(when only the database was killed); then every acknowledged note is looked up, and \`bedring audit
verify\` checks the hash chains.

| Killed | Round | Acknowledged | Lost | Audit verifies | Healthy after | Answers during the round |
|---|---|---|---|---|---|---|
${r.kills
  .map(
    (x) =>
      `| ${x.killed} | ${x.round} | ${x.acknowledged} | ${x.lost} | ${x.auditVerifies ? 'yes' : '**no**'} | ${s(x.healthyAfterS)} | ${x.answers} |`,
  )
  .join('\n')}

"No answer" counts requests refused or reset while no server was listening, or cut by the kill: they were
never acknowledged, so a client knows to send them again.

## SIGTERM under ${r.writers} writers

Exit code **${r.sigterm.exitCode}** (must be 0); ${r.sigterm.acknowledged} acknowledged, **${r.sigterm.lost} lost**.
Answers: ${r.sigterm.answers}. Requests in flight when the signal came are answered; those sent after it
are refused (the server no longer listens) or get 503.

## The database stopped or frozen

Health is asked every 100 ms. "Stopped" is a fast shutdown of the embedded PostgreSQL, which the server
starts again; "frozen" is SIGSTOP of every PostgreSQL process for 15 s, then SIGCONT.

| Database | Answers of /api/health meanwhile | Longest wait for one answer | Serving again after |
|---|---|---|---|
${r.outages.map((o) => `| ${o.what} | ${o.answers} | ${o.longestWaitS.toFixed(1)} s | ${s(o.recoveredAfterS)} |`).join('\n')}

## Commands while serving

Under 8 writers (answers: ${r.commands.answers}). Unaffected means: health still 200, the same
database process, the server still running.

| Command | Exit code | Server unaffected |
|---|---|---|
${r.commands.results.map((c) => `| \`${c.command}\` | ${c.exitCode} | ${c.serverUnaffected ? 'yes' : '**no**'} |`).join('\n')}

A second \`bedring start\` is meant to exit 1 with a message; every other command, 0.

## Soak: ${Math.round(k.seconds / 60)} minutes at ${k.clients} clients

Each client reads a person and, every fourth request, writes a rating.

| Requests | Errors | RSS start → end (peak) | p99, first minute | p99, last minute | Idle in transaction: most at once / older than 1 s |
|---|---|---|---|---|---|
| ${k.requests} | ${k.errors} | ${k.rssStartMb} → ${k.rssEndMb} MB (${k.rssPeakMb}) | ${k.p99FirstMinuteMs} ms | ${k.p99LastMinuteMs} ms | ${k.idleInTransactionMax} / ${k.idleInTransactionStuck} |

A request holds its transaction from the session check to the end of its work, so a connection is
briefly \`idle in transaction\` between its statements; one that stays so for more than a second would be
a leak.
`;
}
