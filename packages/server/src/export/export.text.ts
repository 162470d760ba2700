import { catalogue, type Language, Languages, say, type WordKey } from '@bedring/contract';
import type * as exportWords from '@bedring/contract/words/export.words';

/**
 * The words of the printed export come from the one catalogue (packages/contract/src/words/export.words.ts,
 * docs/architecture.md "Words"), in bokmål by default and English on request.
 */
export const ExportLanguages = Languages;
export type ExportLanguage = Language;

type Words = typeof exportWords.nb.export;
type Key = Exclude<keyof Words, 'codes'>;

/**
 * The codes whose names are the plan's labels, written once (plan.words.ts, `labels`): the plan kinds and
 * sections as headings, the network's relations and qualities inside a sentence, in lower case. The other
 * codes (episode states, roles, audit actions, promise statuses as the export says them) are in
 * `export.codes`.
 */
const LABELS: Record<string, { area: string; inSentence: boolean }> = {
  plan: { area: 'planKind', inSentence: false },
  section: { area: 'section', inSentence: false },
  relation: { area: 'relation', inSentence: true },
  quality: { area: 'quality', inSentence: true },
};

/** The words of one language: `t(key, values)` fills {{placeholders}}; `code(kind, code)` names a code. */
export function wordsFor(lang: ExportLanguage) {
  const words = catalogue[lang].export as unknown as Words;
  const codes = words.codes as unknown as Record<string, Record<string, string>>;
  const fill = (text: string, values: Record<string, string | number>) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
  return {
    lang,
    t(key: Key, values: Record<string, string | number> = {}) {
      return fill(words[key], values);
    },
    /** Words from elsewhere in the catalogue, e.g. 'auditEvent.thePerson'. */
    say(key: WordKey, values: Record<string, string | number> = {}) {
      return say(key, values, lang);
    },
    code(kind: string, code: string | undefined) {
      if (code === undefined) return '';
      const label = LABELS[kind];
      if (!label) return codes[kind]?.[code] ?? code;
      const text = (catalogue[lang].labels as Record<string, Record<string, string>>)[label.area]?.[code];
      if (text === undefined) return code;
      return label.inSentence ? text.toLocaleLowerCase(lang) : text;
    },
    dateTime(iso: string | undefined) {
      if (!iso) return '';
      return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', {
        dateStyle: 'short',
        timeStyle: 'short',
        timeZone: 'Europe/Oslo',
      }).format(new Date(iso));
    },
    date(iso: string | undefined) {
      if (!iso) return '';
      const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
      return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Oslo',
      }).format(d);
    },
  };
}
export type ExportWords = ReturnType<typeof wordsFor>;

/** The language asked for (?lang), else the browser's first choice if it is English, else bokmål. */
export function exportLanguage(lang: string | undefined, acceptLanguage: string | undefined): ExportLanguage {
  if (lang === 'en' || lang === 'nb') return lang;
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'nb';
}
