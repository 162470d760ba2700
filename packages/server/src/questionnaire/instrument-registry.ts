import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  defaultSettingsOf,
  type InstrumentSettings,
  instrumentProblems,
  localized,
  type Provenance,
  provenanceOf,
  type ScoreDefinition,
  scoresOf,
  type Trigger,
} from '@bedring/domain';
import type { Questionnaire } from '@medplum/fhirtypes';
import type { Tx } from '../db/transaction.ts';

/** The shipped instruments: FHIR Questionnaire files, one per instrument (docs/decisions/0005). */
export const INSTRUMENTS_DIR = path.resolve(import.meta.dirname, '../../../../instruments');

/** An instrument as the server uses it: the Questionnaire and what Bedring reads out of it once. */
export interface Instrument {
  id: string;
  questionnaire: Questionnaire;
  provenance: Provenance;
  scores: ScoreDefinition[];
  defaults: InstrumentSettings;
  shipped: boolean;
}

export function toInstrument(questionnaire: Questionnaire, shipped: boolean): Instrument {
  return {
    id: questionnaire.id ?? '',
    questionnaire,
    provenance: provenanceOf(questionnaire),
    scores: scoresOf(questionnaire),
    defaults: defaultSettingsOf(questionnaire),
    shipped,
  };
}

let shipped: Map<string, Instrument> | null = null;

/**
 * Reads instruments/ once. A file that is not a usable instrument stops the start: a clinic must not
 * run with a questionnaire that scores wrongly.
 */
export function shippedInstruments(): Map<string, Instrument> {
  if (shipped) return shipped;
  const loaded = new Map<string, Instrument>();
  for (const file of readdirSync(INSTRUMENTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const q = JSON.parse(readFileSync(path.join(INSTRUMENTS_DIR, file), 'utf8')) as Questionnaire;
    const problems = instrumentProblems(q);
    if (problems.length > 0) throw new Error(`instruments/${file}: ${problems.join('; ')}`);
    loaded.set(q.id ?? '', toInstrument(q, true));
  }
  shipped = loaded;
  return loaded;
}

/** One instrument the organisation can use: shipped, or imported by its administrator. */
export async function instrumentFor(trx: Tx, tenantId: string, id: string): Promise<Instrument | null> {
  const found = shippedInstruments().get(id);
  if (found) return found;
  const row = await trx
    .selectFrom('questionnaire')
    .select('resource')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toInstrument(row.resource as Questionnaire, false) : null;
}

/** Every instrument the organisation can use, shipped first. */
export async function instrumentsFor(trx: Tx, tenantId: string): Promise<Instrument[]> {
  const rows = await trx
    .selectFrom('questionnaire')
    .select('resource')
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
  return [
    ...shippedInstruments().values(),
    ...rows.map((r) => toInstrument(r.resource as Questionnaire, false)),
  ];
}

/** The organisation's settings for its instruments: its own choices over each file's defaults. */
export async function settingsFor(
  trx: Tx,
  tenantId: string,
  instruments: readonly Instrument[],
): Promise<Map<string, InstrumentSettings>> {
  const rows = await trx
    .selectFrom('instrument_setting')
    .select(['questionnaire_id', 'visible_to_person', 'triggers', 'answered_by'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const own = new Map(rows.map((r) => [r.questionnaire_id, r]));
  return new Map(
    instruments.map((i) => {
      const r = own.get(i.id);
      const settings: InstrumentSettings = r
        ? {
            visibleToPerson: r.visible_to_person,
            triggers: r.triggers as Trigger[],
            answeredBy: r.answered_by as InstrumentSettings['answeredBy'],
          }
        : i.defaults;
      return [i.id, settings];
    }),
  );
}

/**
 * An instrument's title in the two languages of the UI: the file's bokmål title and its English
 * translation. Lists carry both, so the web shows the one the user chose.
 */
export function titlesOf(instrument: Instrument | undefined, id: string) {
  const q = instrument?.questionnaire;
  return { title: localized(q, 'title', 'nb') || id, titleEn: localized(q, 'title', 'en') || id };
}
