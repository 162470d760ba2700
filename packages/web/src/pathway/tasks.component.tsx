import type { TaskView } from '@bedring/contract';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField, RadioGroup, TextAreaField } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { useCompleteTask } from './pathway.resource.ts';
import { outcomesFor, type TaskOutcome } from './pathway.ts';

/**
 * Tasks that close loops (docs/domain/pathway.md, P-07, P-34, P-42): the municipal worker's first contact
 * after a handover, and after a drop-out an offer of a new round. The one the task is for completes it here.
 */
export function Tasks({
  personId,
  tasks,
  today,
  mayComplete,
  onCompleted,
}: {
  personId: string;
  tasks: TaskView[];
  today: string;
  mayComplete: (task: TaskView) => boolean;
  onCompleted: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = format.calendarDate;
  const [open, setOpen] = useState<string | null>(null);
  if (tasks.length === 0) return null;
  return (
    <ul className="pathway-tasks" aria-label={t('pathway.tasks.title')}>
      {tasks.map((task) => (
        <li key={task.id} className={`pathway-task pathway-task--${task.status}`}>
          <p className="pathway-task__what">
            <strong>{t(`pathway.tasks.kinds.${task.kind}`)}</strong> –{' '}
            {t(`pathway.tasks.status.${task.status}`)}
          </p>
          <p className="meta">
            {t('pathway.tasks.assignee', { name: task.assignee.name ?? '', date: date(task.createdOn) })}
            {task.status !== 'completed' &&
              ` ${t('pathway.tasks.escalates', { date: date(task.escalateOn) })}`}
          </p>
          {task.completedOn && task.outcome && (
            <p>
              {t('pathway.tasks.completed', {
                outcome: t(`pathway.tasks.outcomes.${task.outcome}`),
                date: date(task.completedOn),
                name: task.completedBy ?? '',
              })}
              {task.note && ` – ${task.note}`}
            </p>
          )}
          {task.status !== 'completed' && mayComplete(task) && open !== task.id && (
            <button type="button" className="button button--primary" onClick={() => setOpen(task.id)}>
              {task.kind === 'handover' ? t('pathway.tasks.recordFirstContact') : t('pathway.tasks.complete')}
            </button>
          )}
          {open === task.id && (
            <CompleteTaskForm
              personId={personId}
              task={task}
              today={today}
              onDone={(message) => {
                setOpen(null);
                onCompleted(message);
              }}
              onCancel={() => setOpen(null)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

function CompleteTaskForm({
  personId,
  task,
  today,
  onDone,
  onCancel,
}: {
  personId: string;
  task: TaskView;
  today: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const complete = useCompleteTask(personId, task.id);
  const uid = useId();
  const outcomes = outcomesFor[task.kind];
  const [outcome, setOutcome] = useState<TaskOutcome | null>(
    outcomes.length === 1 ? (outcomes[0] ?? null) : null,
  );
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) return setError(t('pathway.tasks.chooseOutcome'));
    if (!date || date > today || date < task.createdOn) return setError(t('pathway.tasks.dateError'));
    setError(null);
    complete.mutate(
      { outcome, date, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => onDone(t(`pathway.tasks.saved.${outcome}`)),
        onError: (err) =>
          setError(
            isApiError(err, 403)
              ? t('pathway.notAllowed')
              : isApiError(err, 400)
                ? err.message
                : t('errors.generic'),
          ),
      },
    );
  };

  return (
    <form className="form pathway-form" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-title`}>
      <h5 id={`${uid}-title`} tabIndex={-1} ref={heading}>
        {t(`pathway.tasks.kinds.${task.kind}`)}
      </h5>
      {outcomes.length > 1 && (
        <RadioGroup
          legend={t('pathway.tasks.outcome')}
          name={`${uid}-outcome`}
          value={outcome}
          options={outcomes.map((o) => [o, t(`pathway.tasks.outcomes.${o}`)] as const)}
          onChange={setOutcome}
        />
      )}
      <DateField
        label={task.kind === 'handover' ? t('pathway.tasks.firstContactOn') : t('pathway.tasks.date')}
        value={date}
        onChange={setDate}
        min={task.createdOn}
        max={today}
        required
      />
      <TextAreaField label={t('pathway.eventForm.note')} value={note} onChange={setNote} />
      {error && (
        <p className="message message--error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={complete.isPending}>
          {complete.isPending ? t('common.saving') : t('pathway.tasks.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
