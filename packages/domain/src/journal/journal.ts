import type { Role } from '../access/roles.ts';

/**
 * The journal (docs/decisions/0014-journal.md): every contact with the person is a note in the record —
 * a conversation, a call, video, a group, a home visit, and also "not at home / did not come".
 */
export const JournalKinds = ['meeting', 'phone', 'video', 'group', 'home-visit', 'not-met'] as const;
export type JournalKind = (typeof JournalKinds)[number];

export const JournalStatuses = ['draft', 'signed'] as const;
export type JournalStatus = (typeof JournalStatuses)[number];

/** Who writes and reads the journal: the helpers who have contacts with the person (as contacts today). */
export const JournalWriters: readonly Role[] = ['clinician', 'milieu', 'municipal', 'leader'];

/** The facts of a note the rules need. */
export interface JournalNoteFacts {
  authorAccountId: string;
  status: JournalStatus;
  withheldReason: string | null;
}
