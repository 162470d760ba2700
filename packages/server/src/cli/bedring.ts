#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { verifyAudit } from '../audit/audit.repository.ts';
import {
  AnchorError,
  checkAnchors,
  parseExpectedHead,
  readAnchorFile,
  sealAndAnchor,
} from '../audit/audit-anchor.ts';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { limitHeapGrowth } from '../heap-growth.ts';
import {
  addOrganisation,
  addUnit,
  CommandInputError,
  listOrganisations,
  listUnits,
  ORGANISATION_KINDS,
  UNIT_KINDS,
} from './organisation.commands.ts';
import { listTimeLimits, setTimeLimit } from './time-limit.commands.ts';
import { addUser, disableUser, setDutyContact, setPassword } from './user.commands.ts';

const USAGE = `Usage: bedring <command>

  start                                   start the server (PORT, BEDRING_DATA_DIR, DATABASE_URL, BEDRING_DEMO)
  organisation add <name> --kind ${ORGANISATION_KINDS.join('|')}
                                          create an organisation (its own tenant); prints its id
  organisation list                       the organisations and their ids
  unit add <name> --organisation <org-id> --kind ${UNIT_KINDS.join('|')}
                                          create a unit in an organisation; prints its id
  unit list [--organisation <org-id>]     the units and their ids
  user add <username> --role R --name "Full Name" --organisation <org-id> [--unit <unit-id>]
           [--person <person-id>]
                                          create an account; prints a TOTP secret for administrators
  user passwd <username>                  set a new password (read from BEDRING_PASSWORD or stdin)
  user disable <username>                 disable an account and end its sessions
  user duty-contact <username> on|off     flag or unflag a duty contact (municipal, leader or clinician):
                                          told when a help request is not taken within
                                          BEDRING_HELP_ESCALATION_MINUTES
  audit verify [--expect-head <org-id>:<position>:<hash>]... [--anchor-file <path>]
                                          seal pending events and check every hash chain; print each
                                          chain's head; exit 1 if a chain no longer holds an expected
                                          head or the newest head per organisation in the anchor file
  demo --persons N                        load synthetic demo data (N persons, up to 100000)
  migrate                                 apply database migrations and exit
  time-limit list                         the pathway time limits and their effective dates
  time-limit set <limit> --days N --from YYYY-MM-DD [--class outpatient|inpatient|any]
                 [--unit days|working-days] [--source "text"]
                                          a new limit from a date; open deadlines are recomputed
`;

/** Runs one command; resolves to the exit code, or to null for `start`, which keeps running. */
async function main(argv: string[]): Promise<number | null> {
  const [command, sub, ...rest] = argv;
  const config = readConfig();
  if (command === 'start') {
    limitHeapGrowth();
    // Imported here, not at the top: the server and the demo are most of the code, and the other
    // commands, which an operator runs often, start in about half the time without them.
    const { startServer } = await import('../server.ts');
    await startServer(config);
    return null;
  }
  const quiet = () => {};
  if (command === 'migrate') {
    const db = await openDatabase(config, quiet, 2);
    await db.close();
    console.log('Migrations applied.');
    return 0;
  }
  if (command === 'user' && (sub === 'add' || sub === 'passwd' || sub === 'disable')) {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        organisation: { type: 'string' },
        person: { type: 'string' },
        unit: { type: 'string' },
      },
    });
    const username = positionals[0];
    if (!username) throw new UsageError('a username is required');
    const db = await openDatabase(config, quiet, 2);
    try {
      if (sub === 'add') await addUser(db, username, values);
      else if (sub === 'passwd') await setPassword(db, username);
      else await disableUser(db, username);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'user' && sub === 'duty-contact') {
    const [username, onOff, ...extra] = rest;
    if (!username || (onOff !== 'on' && onOff !== 'off') || extra.length > 0)
      throw new UsageError('user duty-contact takes a username and on or off');
    const db = await openDatabase(config, quiet, 2);
    try {
      await setDutyContact(db, username, onOff === 'on');
    } finally {
      await db.close();
    }
    return 0;
  }
  if ((command === 'organisation' || command === 'unit') && (sub === 'add' || sub === 'list')) {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { kind: { type: 'string' }, organisation: { type: 'string' } },
    });
    const db = await openDatabase(config, quiet, 2);
    try {
      if (command === 'organisation' && sub === 'add') await addOrganisation(db, positionals[0], values);
      else if (command === 'organisation') await listOrganisations(db);
      else if (sub === 'add') await addUnit(db, positionals[0], values);
      else await listUnits(db, values);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'time-limit' && (sub === 'list' || sub === 'set')) {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        class: { type: 'string' },
        days: { type: 'string' },
        from: { type: 'string' },
        unit: { type: 'string' },
        source: { type: 'string' },
      },
    });
    const db = await openDatabase(config, quiet, 2);
    try {
      if (sub === 'list') await listTimeLimits(db);
      else await setTimeLimit(db, positionals[0], values);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'audit' && sub === 'verify') {
    const { values } = parseArgs({
      args: rest,
      options: { 'expect-head': { type: 'string', multiple: true }, 'anchor-file': { type: 'string' } },
    });
    // Read before opening the database: a mistyped head or path is an error of its own (exit 2).
    const expected = (values['expect-head'] ?? []).map(parseExpectedHead);
    const db = await openDatabase(config, quiet, 2);
    try {
      await sealAndAnchor(db.owner, config.auditAnchorFile);
      const anchors = values['anchor-file'] ? await readAnchorFile(values['anchor-file']) : [];
      if (values['anchor-file'] && anchors.length === 0)
        console.log(`The anchor file ${values['anchor-file']} holds no heads yet.`);
      const results = await verifyAudit(db.owner);
      let broken = 0;
      for (const r of results) {
        if (r.ok)
          console.log(
            `tenant ${r.tenantId}: ${r.checked} events, chain intact\n  head ${r.tenantId}:${r.head.position}:${r.head.hash}`,
          );
        else {
          broken += 1;
          console.log(
            `tenant ${r.tenantId}: BROKEN at chain position ${r.brokenAt} (event ${r.eventId}, ${r.problem}); ${r.checked} events before it are intact`,
          );
        }
      }
      if (results.length === 0) console.log('No audit events yet.');
      const problems = await checkAnchors(db.owner, results, [...expected, ...anchors]);
      for (const p of problems) console.log(`ANCHOR NOT FOUND: ${p}`);
      if (problems.length === 0 && expected.length + anchors.length > 0)
        console.log(`All ${expected.length + anchors.length} anchored heads are in their chains.`);
      return broken > 0 || problems.length > 0 ? 1 : 0;
    } finally {
      await db.close();
    }
  }
  if (command === 'demo') {
    const { values } = parseArgs({
      args: [sub, ...rest].filter((a): a is string => a !== undefined),
      options: { persons: { type: 'string' } },
    });
    const persons = Number(values.persons ?? 240);
    if (!Number.isInteger(persons) || persons < 10 || persons > 100_000)
      throw new UsageError('--persons must be a whole number from 10 to 100000');
    const { loadDemo } = await import('../demo/demo.ts');
    const db = await openDatabase(config, quiet, 2);
    try {
      const loaded = await loadDemo(db, { persons, now: new Date() });
      console.log(
        loaded
          ? `Demo data loaded: ${persons} synthetic persons.`
          : 'Demo data is already loaded; nothing changed.',
      );
    } finally {
      await db.close();
    }
    return 0;
  }
  throw new UsageError(
    command ? `unknown command "${[command, sub].filter(Boolean).join(' ')}"` : 'no command given',
  );
}

class UsageError extends Error {}

// Exit explicitly: a command's database connections and timers would otherwise keep the process alive.
main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`bedring: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (err instanceof CommandInputError || err instanceof AnchorError) {
      console.error(`bedring: ${err.message}`);
      process.exit(2);
    }
    console.error(`bedring: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
