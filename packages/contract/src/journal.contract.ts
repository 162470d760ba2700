import { JournalKinds, JournalStatuses } from '@bedring/domain';
import { type Static, Type } from '@sinclair/typebox';
import { Closed, Day, Instant, Nullable, OneOf, Text, Uuid } from './common.contract.ts';

/**
 * The journal (docs/decisions/0014-journal.md): a note per contact with the person, a draft until its author
 * signs it; a signed note is only amended. Staff read it on the person page, the person reads the notes
 * shared with them on Min side (GET /api/persons/:personId/shared-notes).
 */

export const JournalNoteParams = Closed({ personId: Uuid, noteId: Uuid });

/** A note's text: something written, bounded, no control characters but line breaks and tabs. */
const NoteText = Type.String({
  minLength: 1,
  maxLength: 20000,
  pattern:
    '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*\\S[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$',
});
const PlanEntryIds = Type.Array(Uuid, { maxItems: 50, uniqueItems: true });

/** POST /api/persons/:personId/journal: a note, as a draft or signed at once. */
export const JournalNoteBody = Closed({
  contactAt: Instant,
  kind: OneOf(JournalKinds),
  text: NoteText,
  planEntryIds: Type.Optional(PlanEntryIds),
  /** Sign at once (default: a draft). */
  sign: Type.Optional(Type.Boolean()),
  /** A contact already recorded (GET /api/persons/:personId/contacts); without it the note records one. */
  contactId: Type.Optional(Uuid),
});
export type JournalNoteBody = Static<typeof JournalNoteBody>;

/** The note written, its contact, and the instruments the contact planned (session feedback). */
export const JournalNoteCreated = Closed({
  id: Uuid,
  contactId: Uuid,
  status: OneOf(JournalStatuses),
  planned: Type.Array(Type.String()),
});
export type JournalNoteCreated = Static<typeof JournalNoteCreated>;

/** PUT /api/persons/:personId/journal/:noteId: a draft's words and links, by its author. */
export const JournalDraftBody = Closed({ text: NoteText, planEntryIds: Type.Optional(PlanEntryIds) });
export type JournalDraftBody = Static<typeof JournalDraftBody>;

/** POST /api/persons/:personId/journal/:noteId/amendments */
export const JournalAmendmentBody = Closed({ text: NoteText });
export type JournalAmendmentBody = Static<typeof JournalAmendmentBody>;
export const JournalAmendmentCreated = Closed({ id: Uuid });
export type JournalAmendmentCreated = Static<typeof JournalAmendmentCreated>;

/** PUT /api/persons/:personId/journal/:noteId/sharing: withhold from the person (with a reason) or share again. */
export const JournalSharingBody = Closed({ withheld: Type.Boolean(), reason: Type.Optional(Text(1000)) });
export type JournalSharingBody = Static<typeof JournalSharingBody>;

/** GET /api/persons/:personId/journal: filters, text search and the next page's cursor. */
export const JournalQuery = Closed({
  kind: Type.Optional(OneOf(JournalKinds)),
  author: Type.Optional(Uuid),
  organisation: Type.Optional(Uuid),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  after: Type.Optional(Type.String({ maxLength: 100, pattern: '^[0-9TZ:.+-]+_[0-9a-fA-F-]{36}$' })),
  /** Notes per page, 1–100 (default 25); a query string carries it as text. */
  limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|100)$' })),
});
export type JournalQuery = Static<typeof JournalQuery>;

export const JournalAmendmentView = Closed({
  id: Uuid,
  text: Type.String(),
  author: Closed({ id: Uuid, name: Type.String(), role: Type.String() }),
  organisationName: Type.String(),
  writtenAt: Instant,
});
export type JournalAmendmentView = Static<typeof JournalAmendmentView>;

export const JournalNoteView = Closed({
  id: Uuid,
  contactId: Uuid,
  episodeId: Nullable(Uuid),
  kind: OneOf(JournalKinds),
  contactAt: Instant,
  text: Type.String(),
  planEntryIds: Type.Array(Uuid),
  author: Closed({ id: Uuid, name: Type.String(), role: Type.String() }),
  organisation: Closed({ id: Uuid, name: Type.String() }),
  status: OneOf(JournalStatuses),
  writtenAt: Instant,
  changedAt: Instant,
  signedAt: Nullable(Instant),
  /** Withheld from the person: why, by whom, when. */
  withheld: Nullable(Closed({ reason: Type.String(), byName: Type.String(), at: Instant })),
  amendments: Type.Array(JournalAmendmentView),
});
export type JournalNoteView = Static<typeof JournalNoteView>;

const Named = Closed({ id: Uuid, name: Type.String() });

/** A page of the journal, newest first; `next` is the cursor of the page after it (null: no more). */
export const JournalPage = Closed({
  notes: Type.Array(JournalNoteView),
  next: Nullable(Type.String()),
  /** Who has written and where, for the filters: on the first page (no `after`), empty on the next ones. */
  authors: Type.Array(Named),
  organisations: Type.Array(Named),
});
export type JournalPage = Static<typeof JournalPage>;

/** GET /api/persons/:personId/shared-notes: what the person reads, in the words it was written. */
export const SharedNoteView = Closed({
  id: Uuid,
  kind: OneOf(JournalKinds),
  contactAt: Instant,
  text: Type.String(),
  authorName: Type.String(),
  authorRole: Type.String(),
  organisationName: Type.String(),
  signedAt: Instant,
  planEntryIds: Type.Array(Uuid),
  amendments: Type.Array(Closed({ text: Type.String(), authorName: Type.String(), writtenAt: Instant })),
});
export type SharedNoteView = Static<typeof SharedNoteView>;

export const SharedNotesQuery = Closed({
  after: Type.Optional(Type.String({ maxLength: 100, pattern: '^[0-9TZ:.+-]+_[0-9a-fA-F-]{36}$' })),
});
export type SharedNotesQuery = Static<typeof SharedNotesQuery>;

export const SharedNotes = Closed({ notes: Type.Array(SharedNoteView), next: Nullable(Type.String()) });
export type SharedNotes = Static<typeof SharedNotes>;
