import { sealAndAnchor } from './audit/audit-anchor.ts';
import { sendDueReminders } from './checkin/checkin-reminders.ts';
import { escalateHelpRequests } from './checkin/help-escalation.ts';
import { sweepAllUnits } from './checkin/signal-sweep.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from './demo/demo.ts';
import { buildApp } from './http/app.ts';

/** How long a stop waits for requests in flight before it closes their connections. */
const DRAIN_MS = 10_000;

/** `bedring start`: database, migrations, demo data when asked for, the HTTP server, the audit sealer. */
export async function startServer(config: Config) {
  const log = (msg: string) => console.log(msg);
  const db = await openDatabase(config, log, 16, {
    purpose: 'serve',
    // Serving 503s for ever helps no one: exit non-zero so that a supervisor (systemd) starts us again.
    onLost: (err) => {
      console.error(`The embedded database could not be started again (${err.message}); stopping.`);
      process.exit(1);
    },
  });
  const demo = config.demo ?? (db.isNew && db.info.embedded);
  if (demo) {
    const loaded = await loadDemo(db, { persons: 240, now: systemClock() });
    if (loaded) log('Demo data loaded (synthetic persons only).');
  }
  // On a restart the demo is still there: show its logins again.
  const demoPresent = Boolean(
    await db.owner
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'behandler')
      .where('password_hash', '<>', '!')
      .executeTakeFirst(),
  );
  const app = await buildApp({
    db,
    clock: systemClock,
    webDist: config.webDist,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
  });
  await app.listen({ port: config.port, host: config.host });
  const sealer = setInterval(() => {
    sealAndAnchor(db.owner, config.auditAnchorFile).catch((err: Error) =>
      app.log.error({ err: { type: err.name } }, 'audit sealing failed'),
    );
  }, 2000);
  // Check-ins that stopped show only with time: the rules run for every unit now and then (as the owner).
  const sweep = async () => {
    await sweepAllUnits(db.owner, systemClock()).catch((err: Error) =>
      app.log.error({ err: { type: err.name } }, 'signal sweep failed'),
    );
  };
  const sweeper =
    config.signalSweepMinutes > 0 ? setInterval(sweep, config.signalSweepMinutes * 60_000) : null;
  sweeper?.unref();
  if (sweeper) void sweep();
  // The person's reminder to check in, at the time they chose (to the notifier: see the operator guide).
  const reminders = setInterval(() => {
    sendDueReminders(db.owner, app.notifier, systemClock()).catch((err: Error) =>
      app.log.error({ err: { type: err.name } }, 'check-in reminders failed'),
    );
    // Help nobody took in time goes to the unit leader and the duty contact (docs/decisions/0015-help-requests.md).
    escalateHelpRequests(db.owner, app.notifier, systemClock(), config.helpEscalationMinutes).catch(
      (err: Error) => app.log.error({ err: { type: err.name } }, 'help escalation failed'),
    );
  }, 60_000);
  reminders.unref();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/`;
  log('');
  log(`Bedring is running at ${url}`);
  log(
    `Database: PostgreSQL ${db.info.version} (${db.info.embedded ? `embedded, data in ${config.dataDir}` : 'external, DATABASE_URL'})`,
  );
  if (demoPresent) {
    log(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const a of DEMO_ACCOUNTS) log(`  ${a.username.padEnd(11)} ${a.description}`);
    log(
      `  The admin account also needs a one-time code: TOTP secret ${DEMO_ACCOUNTS.find((a) => a.totpSecret)?.totpSecret}`,
    );
  }
  log('Stop with Ctrl+C.');

  let stopping = false;
  // SIGTERM or Ctrl+C: stop accepting, let the requests in flight finish (at most DRAIN_MS), then close
  // the pools and stop the embedded database; exit 0. The embedded database runs in a process group of
  // its own, so the signal reaches only us (db/postmaster.ts).
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('Stopping: finishing the requests in flight …');
    clearInterval(sealer);
    if (sweeper) clearInterval(sweeper);
    clearInterval(reminders);
    // A kept-alive connection whose request is done would hold the stop until the client lets go.
    const idle = setInterval(() => app.server.closeIdleConnections(), 100);
    const late = setTimeout(() => app.server.closeAllConnections(), DRAIN_MS);
    await app.close().catch(() => {});
    clearInterval(idle);
    clearTimeout(late);
    await sealAndAnchor(db.owner, config.auditAnchorFile).catch(() => 0);
    await db.close().catch((err: Error) => console.error(`Stopping the database failed: ${err.message}`));
    log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { app, db, url, stop };
}
