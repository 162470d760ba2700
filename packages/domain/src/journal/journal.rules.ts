import type { Actor } from '../access/access.rules.ts';
import { isUsableReason } from '../access/access.rules.ts';
import { type JournalNoteFacts, JournalWriters } from './journal.ts';

/**
 * What may be done with a journal note (docs/decisions/0014-journal.md; docs/domain/law.md). Need to know
 * (decideAccess) is asked first and is a precondition; these rules add what the record rules ask:
 * - a note is a draft until its author signs it, and only its author sees or changes a draft;
 * - a signed note is never changed, only amended — the amendment is shown beside it, with who and when
 *   (pasientjournalforskriften);
 * - the person reads the signed notes about them; a note is withheld from them only with a stated reason
 *   (the right of access and its exceptions).
 * A peer worker does not read the journal; the person reads only through their own route.
 */

export type JournalAction = 'edit' | 'sign' | 'amend' | 'withhold' | 'share';

export type JournalDenial =
  | 'not-a-writer'
  | 'not-the-author'
  | 'signed-is-final'
  | 'already-signed'
  | 'draft-not-amended'
  | 'reason-needed'
  | 'not-withheld';

export type JournalDecision = { allowed: true } | { allowed: false; denial: JournalDenial };

const allow: JournalDecision = { allowed: true };
const deny = (denial: JournalDenial): JournalDecision => ({ allowed: false, denial });

/** Does this actor's role write and read the journal (staff view)? */
export function writesJournal(actor: Pick<Actor, 'role'>): boolean {
  return JournalWriters.includes(actor.role);
}

/** Does the staff journal view show this note to this actor? Drafts only to their author. */
export function seesNote(actor: Pick<Actor, 'role' | 'accountId'>, note: JournalNoteFacts): boolean {
  if (!writesJournal(actor)) return false;
  return note.status === 'signed' || note.authorAccountId === actor.accountId;
}

/** Does the person read this note on Min side? Signed and not withheld. */
export function sharedWithPerson(note: Pick<JournalNoteFacts, 'status' | 'withheldReason'>): boolean {
  return note.status === 'signed' && note.withheldReason === null;
}

/**
 * May the actor do this with the note? `reason` is the stated reason for withholding it from the person.
 */
export function decideJournalAction(
  actor: Pick<Actor, 'role' | 'accountId'>,
  note: JournalNoteFacts,
  action: JournalAction,
  reason = '',
): JournalDecision {
  if (!writesJournal(actor)) return deny('not-a-writer');
  const own = note.authorAccountId === actor.accountId;
  switch (action) {
    case 'edit':
      if (note.status === 'signed') return deny('signed-is-final');
      return own ? allow : deny('not-the-author');
    case 'sign':
      if (note.status === 'signed') return deny('already-signed');
      return own ? allow : deny('not-the-author');
    case 'amend':
      return note.status === 'signed' ? allow : deny('draft-not-amended');
    case 'withhold':
      // A draft is only its author's until signed; anyone on the team may withhold a signed note.
      if (note.status === 'draft' && !own) return deny('not-the-author');
      return isUsableReason(reason) ? allow : deny('reason-needed');
    case 'share':
      if (note.status === 'draft' && !own) return deny('not-the-author');
      return note.withheldReason === null ? deny('not-withheld') : allow;
  }
}
