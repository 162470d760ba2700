import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../access/access.rules.ts';
import { decideJournalAction, seesNote, sharedWithPerson, writesJournal } from './journal.rules.ts';
import type { JournalNoteFacts } from './journal.ts';

const actor = (role: Actor['role'], accountId: string): Pick<Actor, 'role' | 'accountId'> => ({
  role,
  accountId,
});
const kim = actor('municipal', 'kim');
const bjorn = actor('clinician', 'bjorn');
const lise = actor('peer', 'lise');
const per = actor('patient', 'per');
const draft: JournalNoteFacts = { authorAccountId: 'kim', status: 'draft', withheldReason: null };
const signed: JournalNoteFacts = { ...draft, status: 'signed' };
const withheld: JournalNoteFacts = { ...signed, withheldReason: 'Opplysninger om en tredjeperson' };

describe('journal notes (docs/decisions/0014-journal.md)', () => {
  it('are written and read by the helpers who have contacts, not by a peer worker or the person', () => {
    assert.deepEqual(
      [kim, bjorn, actor('milieu', 'm'), actor('leader', 'l'), lise, per, actor('admin', 'a')].map(
        writesJournal,
      ),
      [true, true, true, true, false, false, false],
    );
  });

  it('show a draft only to its author, and a signed note to the team', () => {
    assert.equal(seesNote(kim, draft), true);
    assert.equal(seesNote(bjorn, draft), false);
    assert.equal(seesNote(bjorn, signed), true);
    assert.equal(seesNote(lise, signed), false);
    assert.equal(seesNote(per, signed), false);
  });

  it('are changed and signed by their author while a draft', () => {
    assert.deepEqual(decideJournalAction(kim, draft, 'edit'), { allowed: true });
    assert.deepEqual(decideJournalAction(kim, draft, 'sign'), { allowed: true });
    assert.deepEqual(decideJournalAction(bjorn, draft, 'edit'), { allowed: false, denial: 'not-the-author' });
    assert.deepEqual(decideJournalAction(bjorn, draft, 'sign'), { allowed: false, denial: 'not-the-author' });
    assert.deepEqual(decideJournalAction(lise, draft, 'edit'), { allowed: false, denial: 'not-a-writer' });
  });

  it('are never changed once signed, not even by their author: they are amended', () => {
    assert.deepEqual(decideJournalAction(kim, signed, 'edit'), { allowed: false, denial: 'signed-is-final' });
    assert.deepEqual(decideJournalAction(kim, signed, 'sign'), { allowed: false, denial: 'already-signed' });
    assert.deepEqual(decideJournalAction(kim, signed, 'amend'), { allowed: true });
    assert.deepEqual(decideJournalAction(bjorn, signed, 'amend'), { allowed: true });
    assert.deepEqual(decideJournalAction(kim, draft, 'amend'), {
      allowed: false,
      denial: 'draft-not-amended',
    });
    assert.deepEqual(decideJournalAction(per, signed, 'amend'), { allowed: false, denial: 'not-a-writer' });
  });

  it('are withheld from the person only with a stated reason, and can be shared again', () => {
    assert.deepEqual(decideJournalAction(bjorn, signed, 'withhold', ''), {
      allowed: false,
      denial: 'reason-needed',
    });
    assert.deepEqual(decideJournalAction(bjorn, signed, 'withhold', '  kort  '), {
      allowed: false,
      denial: 'reason-needed',
    });
    assert.deepEqual(decideJournalAction(bjorn, signed, 'withhold', 'Opplysninger om en tredjeperson'), {
      allowed: true,
    });
    assert.deepEqual(decideJournalAction(bjorn, draft, 'withhold', 'Opplysninger om en tredjeperson'), {
      allowed: false,
      denial: 'not-the-author',
    });
    assert.deepEqual(decideJournalAction(bjorn, signed, 'share'), { allowed: false, denial: 'not-withheld' });
    assert.deepEqual(decideJournalAction(bjorn, withheld, 'share'), { allowed: true });
  });

  it('are read by the person when signed and not withheld', () => {
    assert.equal(sharedWithPerson(draft), false);
    assert.equal(sharedWithPerson(signed), true);
    assert.equal(sharedWithPerson(withheld), false);
  });
});
