import type { Task } from '@bedring/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, Field } from '../form/field.component.tsx';
import { fullName, osloDate, outcomesFor, type TaskOutcome } from './pathway.ts';
import type { ReEngagementDone } from './re-engagement-form.component.tsx';
import { useCompleteTask } from './task.resource.ts';
import { completionErrorKey } from './task-completion.ts';

/** The kinds closed by this form; a handover and a re-engagement have forms of their own. */
export type OutcomeTaskKind = 'promise' | 'lapse';

/**
 * A task closed with one of its kind's own outcomes (outcomesFor in the domain), never another kind's: the
 * server refuses those (docs/decisions/0017-words-per-role.md). A promise made to the person (docs/domain/plans.md,
 * U-23) is kept or withdrawn, and the person sees on "Min side" which; a lapse that reached the specialist team
 * (docs/decisions/0018-handover-and-self-admission.md) is followed up, what was done in the note. The words are
 * work.tasks.<kind>.*.
 */
export function TaskOutcomeForm({
  task,
  kind,
  onDone,
}: {
  task: Task;
  kind: OutcomeTaskKind;
  onDone: (done: ReEngagementDone) => void;
}) {
  const { t } = useTranslation();
  const complete = useCompleteTask();
  const today = osloDate(new Date());
  const outcomes = outcomesFor[kind];
  // One possible outcome needs no choice.
  const [outcome, setOutcome] = useState<TaskOutcome | null>(
    outcomes.length === 1 ? (outcomes[0] ?? null) : null,
  );
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ outcome?: string; date?: string; form?: string }>({});
  const id = `task-${task.id}`;
  const name = fullName(task.person);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!outcome) found.outcome = 'work.tasks.errors.outcome';
    if (!date) found.date = 'work.tasks.errors.date';
    else if (date > today) found.date = 'work.dates.future';
    else if (date < task.createdOn) found.date = 'work.tasks.errors.beforeTask';
    setErrors(found);
    if (!outcome || Object.keys(found).length > 0) return;
    const trimmed = note.trim();
    complete.mutate(
      { taskId: task.id, outcome, date, ...(trimmed ? { note: trimmed } : {}) },
      {
        onSuccess: () =>
          onDone({
            message: t(`work.tasks.${kind}.done.${outcome}`, { name }),
            personId: null,
            personName: name,
          }),
        onError: (error) => {
          const { field, key } = completionErrorKey(error);
          setErrors(field ? { date: key } : { form: key });
        },
      },
    );
  };

  return (
    <form className="form task-form" onSubmit={onSubmit} noValidate>
      {outcomes.length > 1 && (
        <fieldset
          className="outcome-choices"
          aria-describedby={errors.outcome ? `${id}-outcome-error` : undefined}
        >
          <legend>
            {t(`work.tasks.${kind}.legend`)}
            <span className="visually-hidden"> – {name}</span>
          </legend>
          {errors.outcome && (
            <p className="field__error" id={`${id}-outcome-error`}>
              {t(errors.outcome)}
            </p>
          )}
          {outcomes.map((o) => (
            <label key={o} className="outcome-choice">
              <input
                type="radio"
                name={`${id}-outcome`}
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
                aria-describedby={`${id}-${o}-hint`}
              />
              <span>
                <strong>{t(`work.tasks.${kind}.outcomes.${o}`)}</strong>
                <span className="hint" id={`${id}-${o}-hint`}>
                  {t(`work.tasks.${kind}.hints.${o}`)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="task-form__row">
        <Field
          id={`${id}-date`}
          label={t('work.tasks.date')}
          error={errors.date ? t(errors.date) : undefined}
        >
          <input
            {...describedBy(`${id}-date`, { error: errors.date })}
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
      {errors.form && (
        <p className="message message--error" role="alert">
          {t(errors.form)}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={complete.isPending}>
        {complete.isPending ? t('common.saving') : t(`work.tasks.${kind}.submit`)}
      </button>
    </form>
  );
}
