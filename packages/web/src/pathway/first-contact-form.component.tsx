import type { Task } from '@bedring/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, Field } from '../form/field.component.tsx';
import { fullName, osloDate } from './pathway.ts';
import { useCompleteTask } from './task.resource.ts';
import { completionErrorKey } from './task-completion.ts';

/**
 * "Første kontakt har skjedd": the municipal worker records that the first municipal contact actually
 * happened (docs/domain/pathway.md, P-44). Only then does the handover task close.
 */
export function FirstContactForm({ task, onDone }: { task: Task; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const complete = useCompleteTask();
  const today = osloDate(new Date());
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const id = `task-${task.id}`;
  const name = fullName(task.person);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (!date) return setDateError('work.tasks.errors.date');
    if (date > today) return setDateError('work.dates.future');
    if (date < task.createdOn) return setDateError('work.tasks.errors.beforeTask');
    setDateError(null);
    const trimmed = note.trim();
    complete.mutate(
      { taskId: task.id, outcome: 'first-contact', date, ...(trimmed ? { note: trimmed } : {}) },
      {
        onSuccess: () => onDone(t('work.tasks.firstContact.done', { name })),
        onError: (error) => {
          const { field, key } = completionErrorKey(error);
          if (field) setDateError(key);
          else setFormError(key);
        },
      },
    );
  };

  return (
    <form className="form task-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-legend`}>
      <h4 className="task-form__title" id={`${id}-legend`}>
        {t('work.tasks.firstContact.legend')}
        <span className="visually-hidden"> – {name}</span>
      </h4>
      <div className="task-form__row">
        <Field
          id={`${id}-date`}
          label={t('work.tasks.firstContact.date')}
          error={dateError ? t(dateError) : undefined}
        >
          <input
            {...describedBy(`${id}-date`, { error: dateError ?? undefined })}
            type="date"
            min={task.createdOn}
            max={today}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </Field>
      </div>
      <Field id={`${id}-note`} label={t('work.tasks.note')} optional>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      {formError && (
        <p className="message message--error" role="alert">
          {t(formError)}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={complete.isPending}>
        {complete.isPending ? t('common.saving') : t('work.tasks.firstContact.submit')}
      </button>
    </form>
  );
}
