import type { PlanEntryView, PlanSaveWarning } from '@bedring/contract';
import type { PlanKind } from '@bedring/domain/plan/plan';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage } from '../shell/status.component.tsx';
import { EntryForm } from './entry-form.component.tsx';
import { contentOf, useComment, useNetwork, useUpdateEntry } from './plan.resource.ts';
import { mayEdit, viewerOf } from './plan-permissions.ts';
import { WrittenByLine } from './written-by.component.tsx';

/**
 * One entry of a plan: the words first, then what success means (goals), owner and dates (measures),
 * who wrote it, and the comments on it. Everyone who may read the plan may comment (ADR 0006); only
 * the author changes it ("Endre"), and the change shows in the history.
 */
export function PlanEntryItem({
  personId,
  kind,
  entry,
  onSaved,
}: {
  personId: string;
  kind: PlanKind;
  entry: PlanEntryView;
  onSaved: (warnings: PlanSaveWarning[]) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const retire = useUpdateEntry(personId, kind);
  const [editing, setEditing] = useState(false);
  const own = entry.writtenBy === 'person';
  if (editing) {
    return (
      <li className={`plan-entry${own ? ' plan-entry--own' : ''}`}>
        <EntryForm
          personId={personId}
          kind={kind}
          section={entry.section}
          viewer={viewerOf(user)}
          entry={entry}
          onDone={(warnings) => {
            setEditing(false);
            if (warnings) onSaved(warnings);
          }}
        />
      </li>
    );
  }
  return (
    <li className={`plan-entry${own ? ' plan-entry--own' : ''}`}>
      <p className="plan-entry__text">{entry.text}</p>
      {entry.successMeans && (
        <p>
          <span className="plan-entry__label">{t('plan.entry.successMeans')}</span> {entry.successMeans}
        </p>
      )}
      {entry.section === 'measure' && (
        <dl className="facts facts--inline plan-entry__facts">
          <div>
            <dt>{t('plan.entry.owner')}</dt>
            <dd>{entry.owner?.name ?? t('plan.entry.noOwner')}</dd>
          </div>
          {entry.dueOn && (
            <div>
              <dt>{t('plan.entry.dueOn')}</dt>
              <dd>{format.calendarDate(entry.dueOn)}</dd>
            </div>
          )}
          {entry.evaluateOn && (
            <div>
              <dt>{t('plan.entry.evaluateOn')}</dt>
              <dd>{format.calendarDate(entry.evaluateOn)}</dd>
            </div>
          )}
        </dl>
      )}
      {entry.phone && (
        <p>
          {t('plan.entry.phone')}: <a href={`tel:${entry.phone.replaceAll(' ', '')}`}>{entry.phone}</a>
        </p>
      )}
      {entry.contactBeforeUse && <p>{t('plan.entry.contactBeforeUse')}</p>}
      {entry.networkMemberId && <LinkedMember personId={personId} memberId={entry.networkMemberId} />}
      <WrittenByLine writtenBy={entry.writtenBy} author={entry.author} at={entry.createdAt} />
      {entry.comments.length > 0 && (
        <ul className="plan-comments" aria-label={t('plan.comments.listLabel')}>
          {entry.comments.map((c) => (
            <li key={c.id} className="plan-comment">
              <p>{c.text}</p>
              <WrittenByLine writtenBy={c.writtenBy} author={c.author} at={c.createdAt} />
            </li>
          ))}
        </ul>
      )}
      <div className="plan-entry__actions">
        <CommentForm personId={personId} kind={kind} entryId={entry.id} />
        {mayEdit(user, entry) && (
          <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
            {t('plan.entry.edit')}
          </button>
        )}
        {mayEdit(user, entry) && (
          <button
            type="button"
            className="button button--quiet"
            disabled={retire.isPending}
            onClick={() => {
              if (window.confirm(t('plan.entry.retireConfirm'))) {
                retire.mutate({ entryId: entry.id, content: contentOf(entry), retired: true });
              }
            }}
          >
            {t('plan.entry.retire')}
          </button>
        )}
      </div>
      {retire.isError && <ErrorMessage error={retire.error} />}
    </li>
  );
}

/** Who in the network map a contact is, by name (the map may not be shared with the viewer). */
function LinkedMember({ personId, memberId }: { personId: string; memberId: string }) {
  const { t } = useTranslation();
  const member = useNetwork(personId).data?.members.find((m) => m.id === memberId);
  if (!member) return null;
  return <p className="meta">{t('plan.entry.inNetwork', { name: member.name })}</p>;
}

function CommentForm({ personId, kind, entryId }: { personId: string; kind: PlanKind; entryId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const comment = useComment(personId, kind, entryId);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        {t('plan.comments.open')}
      </button>
    );
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    comment.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        setOpen(false);
      },
    });
  };
  return (
    <form className="form plan-comment-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('plan.comments.label')}</label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {comment.isError && <ErrorMessage error={comment.error} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={comment.isPending}>
          {t('plan.comments.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
