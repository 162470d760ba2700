import * as access from './access.words.ts';
import * as auth from './auth.words.ts';
import * as checkin from './checkin.words.ts';
import * as common from './common.words.ts';
import * as exportWords from './export.words.ts';
import * as journal from './journal.words.ts';
import * as pathway from './pathway.words.ts';
import * as plan from './plan.words.ts';
import * as questionnaire from './questionnaire.words.ts';
import * as record from './record.words.ts';
import * as relatives from './relatives.words.ts';

/**
 * The one text catalogue (docs/architecture.md, "Words"): what the server says (error messages, the
 * printed export, FHIR displays) in bokmål and English, by area, made of one file per concept. The web
 * app's i18n takes the same objects, so a label is written once; placeholders are i18next's {{name}}.
 */
export const Languages = ['nb', 'en'] as const;
export type Language = (typeof Languages)[number];

type Tree = { [key: string]: string | Tree };
type Part = { nb: Tree; en: Tree };

const parts: Part[] = [
  access,
  auth,
  checkin,
  common,
  exportWords,
  journal,
  pathway,
  plan,
  questionnaire,
  record,
  relatives,
];

function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    const there = into[k];
    if (typeof v === 'string' || typeof there !== 'object')
      into[k] = typeof v === 'string' ? v : merge({}, v);
    else merge(there, v);
  }
  return into;
}

/** The catalogue in one language: { errors: {…}, export: {…}, … }. */
export const catalogue: Record<Language, Tree> = {
  nb: parts.reduce<Tree>((all, p) => merge(all, p.nb), {}),
  en: parts.reduce<Tree>((all, p) => merge(all, p.en), {}),
};

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** Every key of the catalogue, e.g. 'errors.notFound'; a misspelt key does not compile. */
export type WordKey = Leaves<
  typeof access.nb &
    typeof auth.nb &
    typeof checkin.nb &
    typeof common.nb &
    typeof exportWords.nb &
    typeof journal.nb &
    typeof pathway.nb &
    typeof plan.nb &
    typeof questionnaire.nb &
    typeof record.nb &
    typeof relatives.nb
>;

/** The words for a key, with {{name}} filled in; bokmål unless asked otherwise. */
export function say(key: WordKey, vars: Record<string, string | number> = {}, lang: Language = 'nb'): string {
  let node: string | Tree | undefined = catalogue[lang];
  for (const k of key.split('.')) node = typeof node === 'object' ? node[k] : undefined;
  if (typeof node !== 'string') throw new Error(`No words for ${key} in ${lang}`);
  return node.replace(/\{\{(\w+)\}\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));
}
