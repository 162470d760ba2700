import type { JournalNoteView } from '@bedring/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { TextAreaField } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { useAmendNote, useEditNote, useNoteSharing, useSignNote } from './journal.resource.ts';

type Open = 'edit' | 'amend' | 'withhold' | null;

/**
 * One note in the journal: when and what kind of contact, who wrote it (name, role, organisation), the text,
 * and its amendments beside it with who and when. The author edits and signs their own draft; a signed note
 * is amended, and can be withheld from the person with a stated reason (docs/decisions/0014-journal.md).
 */
export function JournalNote({
  personId,
  note,
  goals,
}: {
  personId: string;
  note: JournalNoteView;
  goals: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const [open, setOpen] = useState<Open>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const edit = useEditNote(personId, note.id);
  const sign = useSignNote(personId, note.id);
  const amend = useAmendNote(personId, note.id);
  const sharing = useNoteSharing(personId, note.id);
  const draft = note.status === 'draft';
  const own = note.author.id === user.id;
  const busy = edit.isPending || sign.isPending || amend.isPending || sharing.isPending;
  const titleId = `journal-note-${note.id}`;

  const failed = (err: unknown) => {
    if (isApiError(err, 400, 'reason_needed')) setError(t('journal.note.reasonNeeded'));
    else if (isApiError(err, 409)) setError(t('journal.note.conflict'));
    else setError(t('errors.generic'));
  };
  const done = () => {
    setOpen(null);
    setText('');
    setError(null);
  };
  const start = (what: Open) => {
    setOpen(what);
    setText(what === 'edit' ? note.text : '');
    setError(null);
  };
  const submit = () => {
    if (open === 'edit') {
      if (!text.trim()) return setError(t('journal.form.errors.text'));
      edit.mutate({ text: text.trim() }, { onSuccess: done, onError: failed });
    } else if (open === 'amend') {
      if (!text.trim()) return setError(t('journal.form.errors.text'));
      amend.mutate(text.trim(), { onSuccess: done, onError: failed });
    } else if (open === 'withhold') {
      if (text.trim().length < 10) return setError(t('journal.note.reasonNeeded'));
      sharing.mutate({ withheld: true, reason: text.trim() }, { onSuccess: done, onError: failed });
    }
  };

  return (
    <article className={`journal-note${draft ? ' journal-note--draft' : ''}`} aria-labelledby={titleId}>
      <h3 id={titleId} className="journal-note__title">
        {format.dateTime(note.contactAt)} · {t(`journal.kinds.${note.kind}`)}
        {draft && <span className="journal-tag"> {t('journal.note.draft')}</span>}
      </h3>
      <p className="meta">
        {t('journal.note.by', {
          name: note.author.name,
          role: t(`roles.${note.author.role}`),
          organisation: note.organisation.name,
        })}
        {note.signedAt && ` · ${t('journal.note.signed', { at: format.dateTime(note.signedAt) })}`}
      </p>
      <p className="journal-note__text">{note.text}</p>
      {note.planEntryIds.length > 0 && (
        <p className="meta">
          {t('journal.note.goals', {
            goals: note.planEntryIds.map((id) => goals.get(id) ?? t('journal.note.unknownGoal')).join('; '),
          })}
        </p>
      )}
      {note.amendments.map((a) => (
        <div key={a.id} className="journal-note__amendment">
          <p className="meta">
            {t('journal.note.amendment', {
              name: a.author.name,
              organisation: a.organisationName,
              at: format.dateTime(a.writtenAt),
            })}
          </p>
          <p>{a.text}</p>
        </div>
      ))}
      {note.withheld && (
        <p className="message message--warning">
          {t('journal.note.withheld', {
            reason: note.withheld.reason,
            name: note.withheld.byName,
            at: format.dateTime(note.withheld.at),
          })}
        </p>
      )}
      {open && (
        <div className="journal-note__form">
          <TextAreaField
            label={t(`journal.note.${open}Label`)}
            hint={open === 'withhold' ? t('journal.note.withholdHint') : undefined}
            value={text}
            onChange={setText}
            rows={open === 'edit' ? 5 : 3}
            maxLength={open === 'withhold' ? 1000 : 20000}
            error={error}
          />
          <div className="actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={submit}>
              {busy ? t('common.saving') : t(`journal.note.${open}Save`)}
            </button>
            <button type="button" className="button button--secondary" onClick={done}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {!open && (
        <div className="actions">
          {draft && own && (
            <>
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => sign.mutate(undefined, { onError: failed })}
                aria-describedby={titleId}
              >
                {t('journal.note.sign')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => start('edit')}
                aria-describedby={titleId}
              >
                {t('journal.note.edit')}
              </button>
            </>
          )}
          {!draft && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => start('amend')}
              aria-describedby={titleId}
            >
              {t('journal.note.amend')}
            </button>
          )}
          {!draft && !note.withheld && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => start('withhold')}
              aria-describedby={titleId}
            >
              {t('journal.note.withhold')}
            </button>
          )}
          {note.withheld && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => sharing.mutate({ withheld: false }, { onError: failed })}
              aria-describedby={titleId}
            >
              {t('journal.note.share')}
            </button>
          )}
        </div>
      )}
      {!open && error && (
        <p className="message message--error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
