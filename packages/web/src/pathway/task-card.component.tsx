import type { Task } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format.ts';
import { personPath } from '../record/person-path.ts';
import { FirstContactForm } from './first-contact-form.component.tsx';
import { fullName } from './pathway.ts';
import { type ReEngagementDone, ReEngagementForm } from './re-engagement-form.component.tsx';
import { StatusBadge } from './status-badge.component.tsx';
import { TaskOutcomeForm } from './task-outcome-form.component.tsx';

/** One open task: what it is about, for whom, by when, and the form of its kind that completes it. */
export function TaskCard({ task, onDone }: { task: Task; onDone: (done: ReEngagementDone) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = fullName(task.person);
  const escalated = task.status === 'escalated';
  return (
    <li className={`task-card${escalated ? ' task-card--escalated' : ''}`}>
      <article aria-labelledby={`task-${task.id}-title`}>
        <h3 className="task-card__title" id={`task-${task.id}-title`}>
          {t(`work.tasks.kinds.${task.kind}`)}: <Link to={personPath(task.person.id)}>{name}</Link>
        </h3>
        {escalated && (
          <p className="task-card__escalated">
            <StatusBadge tone="escalated" label={t('work.tasks.escalated')} />{' '}
            <span className="hint">{t('work.tasks.escalatedHint')}</span>
          </p>
        )}
        <p className="task-card__about">{t(`work.tasks.about.${task.kind}`)}</p>
        <dl className="facts">
          {task.kind === 'promise' && task.promise && (
            // What was promised, in the words the person was given (plan/promises.component.tsx).
            <div>
              <dt>{t('work.tasks.promiseText')}</dt>
              <dd>{task.promise}</dd>
            </div>
          )}
          {task.kind === 'handover' && (
            // Handed over from the specialist service: where the person comes from matters here.
            <div>
              <dt>{t('work.tasks.organisation')}</dt>
              <dd>{task.organisationName}</dd>
            </div>
          )}
          <div>
            <dt>{t('work.tasks.created')}</dt>
            <dd>{format.calendarDate(task.createdOn)}</dd>
          </div>
          <div>
            <dt>{t('work.tasks.dueBy')}</dt>
            <dd>{format.calendarDate(task.escalateOn)}</dd>
          </div>
        </dl>
        {task.kind === 'handover' && (
          <FirstContactForm
            task={task}
            onDone={(message) => onDone({ message, personId: null, personName: name })}
          />
        )}
        {task.kind === 're-engagement' && <ReEngagementForm task={task} onDone={onDone} />}
        {/* A promise closes as kept or withdrawn, a lapse as followed up: never with the drop-out outcomes. */}
        {(task.kind === 'promise' || task.kind === 'lapse') && (
          <TaskOutcomeForm task={task} kind={task.kind} onDone={onDone} />
        )}
      </article>
    </li>
  );
}
