import { say } from '@bedring/contract';
import type { JournalKind } from '@bedring/domain';
import type { DocumentReference, Encounter } from '@medplum/fhirtypes';
import type { AmendmentRow, NoteRow } from './journal.repository.ts';

/**
 * The journal in FHIR R4 (docs/decisions/0014-journal.md): the contact is an Encounter, a note a
 * DocumentReference about it (docStatus preliminary while a draft, final when signed, amended once it has
 * amendments), and each amendment a DocumentReference of its own that appends to the note (relatesTo).
 */

export const JOURNAL_KIND_SYSTEM = 'https://bedring.no/fhir/CodeSystem/contact-kind';
const LOINC = 'http://loinc.org';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** HL7 v3 ActCode encounter class per kind of contact. */
const CLASS_OF: Record<JournalKind, { code: string; display: string }> = {
  meeting: { code: 'AMB', display: 'ambulatory' },
  group: { code: 'AMB', display: 'ambulatory' },
  phone: { code: 'VR', display: 'virtual' },
  video: { code: 'VR', display: 'virtual' },
  'home-visit': { code: 'HH', display: 'home health' },
  'not-met': { code: 'HH', display: 'home health' },
};

const kindCoding = (kind: JournalKind) => ({
  system: JOURNAL_KIND_SYSTEM,
  code: kind,
  display: say(`journal.kinds.${kind}`),
});

/** The security label of a note withheld from the person. */
export const WITHHELD = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  code: 'R',
  display: 'restricted',
};

const iso = (d: Date | string) => new Date(d).toISOString();
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export interface ContactRow {
  id: string;
  person_id: string;
  episode_id: string | null;
  contact_on: string;
  kind: string;
  account_name: string;
}

/** A contact with the person; one that did not happen ("not at home / did not come") is cancelled. */
export function toEncounter(c: ContactRow): Encounter {
  const kind = c.kind as JournalKind;
  return {
    resourceType: 'Encounter',
    id: c.id,
    status: kind === 'not-met' ? 'cancelled' : 'finished',
    class: { system: ACT_CODE, ...CLASS_OF[kind] },
    type: [{ coding: [kindCoding(kind)] }],
    subject: { reference: `Patient/${c.person_id}` },
    ...(c.episode_id ? { episodeOfCare: [{ reference: `EpisodeOfCare/${c.episode_id}` }] } : {}),
    participant: [{ individual: { display: c.account_name } }],
    period: { start: c.contact_on, end: c.contact_on },
  };
}

/** A journal note: who wrote it, where, when the contact was, its text, and the goals it was about. */
export function toNoteDocument(n: NoteRow, amendments: readonly AmendmentRow[]): DocumentReference {
  const signed = n.status === 'signed';
  return {
    resourceType: 'DocumentReference',
    id: n.id,
    // Withheld from the person (decision 0014): restricted, so a copy made for them leaves it out.
    ...(n.withheld_at ? { meta: { security: [WITHHELD] } } : {}),
    status: 'current',
    docStatus: !signed ? 'preliminary' : amendments.length > 0 ? 'amended' : 'final',
    type: { coding: [{ system: LOINC, code: '11506-3', display: 'Progress note' }] },
    category: [{ coding: [kindCoding(n.kind as JournalKind)] }],
    subject: { reference: `Patient/${n.person_id}` },
    date: iso(n.signed_at ?? n.changed_at),
    author: [{ display: n.author_name }],
    ...(signed ? { authenticator: { display: n.author_name } } : {}),
    custodian: { display: n.organisation_name },
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          data: base64(n.text),
          creation: iso(n.written_at),
        },
      },
    ],
    context: {
      encounter: [{ reference: `Encounter/${n.contact_id}` }],
      period: { start: iso(n.contact_at) },
      ...(n.plan_entry_ids.length > 0
        ? { related: n.plan_entry_ids.map((id) => ({ reference: `Goal/${id}` })) }
        : {}),
    },
  };
}

/** An amendment: shown beside the signed note it appends to, with who and when. */
export function toAmendmentDocument(n: NoteRow, a: AmendmentRow): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: a.id,
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: LOINC, code: '11506-3', display: 'Progress note' }] },
    category: [{ coding: [kindCoding(n.kind as JournalKind)] }],
    subject: { reference: `Patient/${n.person_id}` },
    date: iso(a.written_at),
    author: [{ display: a.author_name }],
    authenticator: { display: a.author_name },
    custodian: { display: a.organisation_name },
    relatesTo: [{ code: 'appends', target: { reference: `DocumentReference/${n.id}` } }],
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          data: base64(a.text),
          creation: iso(a.written_at),
        },
      },
    ],
    context: { encounter: [{ reference: `Encounter/${n.contact_id}` }] },
  };
}
