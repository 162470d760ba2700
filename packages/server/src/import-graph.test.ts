import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

/**
 * The shape of the house (docs/architecture.md), checked over every import of the domain, the contract,
 * the server and the web app:
 *
 * - no import circles between files, type-only imports included (a circle of types is still two files
 *   that cannot be understood one without the other);
 * - the domain imports nothing outside itself, the contract only the domain; the web imports nothing of
 *   the server (it talks to it over HTTP, in the contract's terms);
 * - inside the server, the kernel imports no concept and no assembly, a concept imports no other concept
 *   and no assembly, and production code does not import the test support in testing/.
 *
 * What breaks these rules today is listed below, each with its reason: a ratchet. A new import that
 * breaks a rule fails, and so does an entry that no longer matches an import (take it out of the list).
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PACKAGES = ['domain', 'contract', 'server', 'web'] as const;
type Package = (typeof PACKAGES)[number];
const SERVER_SRC = path.join(ROOT, 'packages/server/src');

/**
 * The server's parts, by the first segment of the path under packages/server/src (a folder, or a file at
 * the top). Assemblies are named by their own path first: http/app.ts assembles the routes of every
 * concept, though the rest of http/ is kernel. A folder or top file in none of these sets fails the test,
 * so that a new one is given its place.
 */
const KERNEL = ['db', 'http', 'auth', 'audit', 'access', 'notify', 'clock.ts', 'config.ts', 'heap-growth.ts'];
const CONCEPTS = ['pathway', 'plan', 'questionnaire', 'checkin', 'record', 'export', 'journal'];
/**
 * What puts the concepts together: the app, the process, the command line, the demo data, and the FHIR
 * façade (fhir/ registers each concept's FHIR routes and gathers them all in Patient/$everything).
 */
const ASSEMBLIES = ['http/app.ts', 'server.ts', 'cli', 'demo', 'fhir'];
/** Test support: may use the assemblies (a test drives the whole app with the demo loaded). */
const TESTING = 'testing';
/** This file reads the other files; it imports none of them. */
const SELF = 'import-graph.test.ts';

/**
 * Tests and their fixtures may import an assembly (the demo's organisations and accounts, the app):
 * they drive the assembled app. They are held to the concept rule like any other file.
 */
const isTest = (file: string) => /\.(test|fixtures)\.tsx?$/.test(file);

/**
 * Imports that break a server rule today, as "importing file -> imported folder/" under
 * packages/server/src. Each line says why it stands; shorten the list, never lengthen it without a reason
 * the architecture document accepts.
 */
const ALLOWED: Record<string, string> = {
  // Where two concepts meet through a narrow function of the one that owns the rows (docs/architecture.md,
  // "No import circles"), one way only.
  'pathway/episode.repository.ts -> questionnaire/':
    'a pathway event plans the instruments set to follow it, and an evaluation notes the feedback tool',
  'journal/journal.routes.ts -> questionnaire/':
    'a note records its contact, which plans the session feedback (recordContact)',
  'plan/promise.routes.ts -> pathway/': 'a promise made to the person opens a task in the pathway (openTask)',
  'plan/lapse.routes.ts -> pathway/':
    'a lapse reaches the specialist team that still holds the person as a task (lapseReachesSpecialists)',
  'checkin/checkin.routes.ts -> pathway/':
    'a check-in that tells of a lapse reaches the specialist team too (lapseReachesSpecialists)',
  'pathway/discharge.routes.ts -> record/':
    'the discharge checklist counts the children and relatives the record lists (relativesForDischarge)',
  // "Mine data" (export/) is the person's copy of everything: it reads what the other concepts hold.
  'export/export.routes.ts -> fhir/': 'the PDF is built on Patient/$everything and its access log',
  'export/export.routes.ts -> plan/': 'lapses and the plan-part check (mayRead) of the plans',
  'export/export.routes.ts -> record/': "the person's overview (personOverview)",
  'export/export.content.ts -> pathway/': "reads the pathway's FHIR extensions out of $everything",
  'export/export.content.ts -> plan/': "reads the plan's FHIR extensions out of $everything",
  'export/export.content.ts -> record/':
    "reads the record's children and relatives (their tag and extensions) out of $everything",
  // Check-ins are answered as FHIR QuestionnaireResponses, so the QuestionnaireResponse search shows them.
  'questionnaire/questionnaire-fhir.routes.ts -> checkin/': 'check-in answers as QuestionnaireResponses',
  // Tests that need a person in treatment put them there through the pathway API, as a clinician would.
  'plan/plan.routes.test.ts -> pathway/': 'inTreatment and recordEvent from pathway.fixtures.ts',
  'questionnaire/questionnaire.routes.test.ts -> pathway/':
    'inTreatment and recordEvent from pathway.fixtures.ts',
};

/** Import circles that stand today, as the files of the circle (sorted, comma-separated), with why. */
const ALLOWED_CIRCLES: Record<string, string> = {
  // None: keep it so.
};

// ---------------------------------------------------------------------------------------------------

interface Import {
  from: string;
  to: string;
  specifier: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** The file an import names, or null for a package outside the repository (fastify, react, node:…). */
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else if (/^@bedring\/(domain|contract)$/.test(specifier))
    return path.join(ROOT, 'packages', specifier.slice('@bedring/'.length), 'src/index.ts');
  else if (/^@bedring\/(domain|contract)\//.test(specifier)) {
    const pkg = specifier.split('/')[1]!;
    base = path.join(ROOT, 'packages', pkg, 'src', specifier.slice(`@bedring/${pkg}/`.length));
  } else if (specifier.startsWith('@bedring/'))
    return path.join(ROOT, 'packages', specifier.slice('@bedring/'.length));
  else return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return /\.(css|svg|png|json)$/.test(base) ? null : base;
}

function readImports(): { files: string[]; imports: Import[] } {
  const files = PACKAGES.flatMap((p) => sourceFiles(path.join(ROOT, 'packages', p, 'src')));
  const imports: Import[] = [];
  for (const from of files) {
    const text = readFileSync(from, 'utf8');
    for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
      const to = resolveImport(from, ref.fileName);
      if (to === null) continue;
      const line = text.slice(0, ref.pos).split('\n').length;
      imports.push({ from, to, specifier: ref.fileName, line });
    }
  }
  return { files, imports };
}

const rel = (file: string) => path.relative(ROOT, file);
const inServer = (file: string) => path.relative(SERVER_SRC, file);
const packageOf = (file: string): Package | null =>
  PACKAGES.find(
    (p) =>
      file.startsWith(path.join(ROOT, 'packages', p) + path.sep) || file === path.join(ROOT, 'packages', p),
  ) ?? null;
const show = (i: Import) => `${rel(i.from)}:${i.line} imports '${i.specifier}' (${rel(i.to)})`;

type Part = { kind: 'kernel' | 'concept' | 'assembly' | 'testing' | 'self' | 'unknown'; name: string };

function partOf(file: string): Part {
  const p = inServer(file).split(path.sep).join('/');
  const assembly = ASSEMBLIES.find((a) => p === a || p.startsWith(`${a}/`));
  if (assembly) return { kind: 'assembly', name: assembly };
  const first = p.split('/')[0]!;
  if (p === SELF) return { kind: 'self', name: p };
  if (first === TESTING) return { kind: 'testing', name: first };
  if (KERNEL.includes(first)) return { kind: 'kernel', name: first };
  if (CONCEPTS.includes(first)) return { kind: 'concept', name: first };
  return { kind: 'unknown', name: first };
}

/** Why an import inside the server breaks a rule, or null when it keeps them. */
function serverViolation(i: Import): string | null {
  const a = partOf(i.from);
  const b = partOf(i.to);
  if (a.name === b.name) return null;
  if (b.kind === 'concept' && a.kind === 'kernel')
    return `the kernel (${a.name}/) imports the concept ${b.name}/`;
  if (b.kind === 'concept' && a.kind === 'concept')
    return `the concept ${a.name}/ imports the concept ${b.name}/`;
  if (b.kind === 'concept' && a.kind === 'testing')
    return `test support (testing/) imports the concept ${b.name}/`;
  if (b.kind === 'assembly' && (a.kind === 'kernel' || a.kind === 'concept') && !isTest(i.from))
    return `${a.kind === 'kernel' ? 'the kernel' : 'the concept'} ${a.name}/ imports the assembly ${b.name}`;
  if (b.kind === 'testing' && a.kind !== 'testing' && !isTest(i.from))
    return `production code (${a.name}) imports test support (testing/)`;
  return null;
}

/** One circle through each group of files that import each other (Tarjan's strongly connected components). */
function circles(files: string[], imports: Import[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const i of imports) if (next.has(i.to)) next.get(i.from)!.push(i.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || next.get(v)!.includes(v)) groups.push(group);
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  // A shortest way round each group, from its first file (breadth first, inside the group), to show.
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0]!;
    const cameFrom = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift()!;
      for (const w of next.get(v)!) {
        if (!members.has(w) || cameFrom.has(w)) continue;
        cameFrom.set(w, v);
        if (w === start) queue.length = 0;
        else queue.push(w);
      }
    }
    const way: string[] = [];
    for (let v = cameFrom.get(start)!; v !== start; v = cameFrom.get(v)!) way.unshift(v);
    const shown = [start, ...way, start].map(rel);
    return group.length > way.length + 1 ? [...shown, `(${group.length} files in all)`] : shown;
  });
}

/** Fails with one line per finding under a heading that says what to do, when there are findings. */
function none(findings: readonly string[], heading: string) {
  if (findings.length > 0) assert.fail(`${heading}\n\n  ${findings.join('\n  ')}\n`);
}

describe('import graph (docs/architecture.md)', () => {
  const { files, imports } = readImports();

  it('reads the imports of every package', () => {
    for (const p of PACKAGES)
      assert.ok(
        imports.some((i) => packageOf(i.from) === p),
        `no imports read in packages/${p}/src`,
      );
  });

  it('has no import circles', () => {
    const found = circles(files, imports);
    const key = (circle: string[]) =>
      circle
        .filter((f) => !f.startsWith('('))
        .slice(0, -1)
        .sort()
        .join(',');
    none(
      found.filter((c) => !(key(c) in ALLOWED_CIRCLES)).map((c) => c.join('\n    -> ')),
      'Import circles. Break each by moving what the files share into a file that imports none of them:',
    );
    none(
      Object.keys(ALLOWED_CIRCLES).filter((k) => !found.some((c) => key(c) === k)),
      'Circles in ALLOWED_CIRCLES that are gone; take them out of the list:',
    );
  });

  it('keeps the domain to itself and the web away from the server', () => {
    none(
      imports
        .filter((i) => {
          const a = packageOf(i.from);
          const b = packageOf(i.to);
          return (
            (a === 'domain' && b !== 'domain') ||
            (a === 'contract' && b !== 'contract' && b !== 'domain') ||
            (a === 'web' && b === 'server')
          );
        })
        .map(show),
      'The domain imports only the domain, the contract only itself and the domain; the web never the server:',
    );
  });

  it('gives every part of the server its place', () => {
    none(
      [
        ...new Set(
          files.filter((f) => packageOf(f) === 'server' && partOf(f).kind === 'unknown').map(inServer),
        ),
      ],
      'Files in a folder (or at the top) that is not in KERNEL, CONCEPTS or ASSEMBLIES; add it to one:',
    );
  });

  it('keeps the kernel and each concept to themselves inside the server', () => {
    const found = new Map<string, string[]>();
    for (const i of imports) {
      if (packageOf(i.from) !== 'server' || packageOf(i.to) !== 'server') continue;
      const why = serverViolation(i);
      if (!why) continue;
      const to = partOf(i.to).name;
      const edge = `${inServer(i.from)} -> ${to.endsWith('.ts') ? to : `${to}/`}`;
      found.set(edge, [...(found.get(edge) ?? []), `${show(i)}\n      ${why}`]);
    }
    none(
      [...found].filter(([edge]) => !(edge in ALLOWED)).flatMap(([, messages]) => messages),
      "Imports across the server's parts. Move what both sides need into the kernel or the domain, or the route into the concept it serves:",
    );
    none(
      Object.keys(ALLOWED).filter((edge) => !found.has(edge)),
      'Entries in ALLOWED that match no import any more; take them out of the list:',
    );
  });
});
