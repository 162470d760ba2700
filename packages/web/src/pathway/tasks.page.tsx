import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { PinnedHelp } from '../checkin/pinned-help.component.tsx';
import { SignalWorklist } from '../checkin/signal-worklist.component.tsx';
import { FeedbackAlertWorklist } from '../questionnaire/feedback-alerts.component.tsx';
import { personPath } from '../record/person-path.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { EscalatedTaskList } from './escalated-tasks.component.tsx';
import type { ReEngagementDone } from './re-engagement-form.component.tsx';
import { useTasks } from './task.resource.ts';
import { TaskCard } from './task-card.component.tsx';

/** Roles that can have feedback alerts assigned (server: feedback-alert.routes.ts). */
const AlertRoles = new Set(['clinician', 'milieu', 'municipal', 'leader']);

/**
 * "Oppgaver": the user's open tasks — handover tasks for the municipal worker, re-engagement tasks for
 * the clinician, promises made to a person for whoever owns them, lapses for the specialist team; each closed
 * by its own outcomes (task-card.component.tsx) — and for a unit leader the organisation's tasks that have
 * waited too long.
 */
export function TasksPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('work.tasks.title'));
  const user = useUser();
  const tasks = useTasks();
  const [done, setDone] = useState<ReEngagementDone | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  // The completed task leaves the list; focus goes to the confirmation instead of to nowhere.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const all = tasks.data?.tasks ?? [];
  const mine = all.filter((task) => task.mine);
  const others = all.filter((task) => !task.mine && task.status === 'escalated');

  return (
    <div className="work-page">
      <h1>{t('work.tasks.title')}</h1>
      <PinnedHelp />
      <p className="lead">{t('work.tasks.intro')}</p>
      <div role="status" className="task-done" ref={doneRef} tabIndex={-1}>
        {done && (
          <div className="message message--info">
            <p>{done.message}</p>
            {done.personId && (
              <p>
                <Link to={personPath(done.personId)}>
                  {t('work.tasks.reEngagement.openPerson', { name: done.personName })}
                </Link>
              </p>
            )}
          </div>
        )}
      </div>
      {/* What the persons are telling now comes before the team's own errands (docs/user-guide.md, "Oppgaver"). */}
      {AlertRoles.has(user.role) && <SignalWorklist />}
      {tasks.isPending && <Loading />}
      {tasks.isError && <ErrorMessage error={tasks.error} onRetry={() => tasks.refetch()} />}
      {tasks.data && (
        <>
          <section aria-labelledby="my-tasks-title">
            <h2 id="my-tasks-title">{t('work.tasks.mine', { count: mine.length })}</h2>
            {mine.length === 0 ? (
              <p className="empty">{t('work.tasks.none')}</p>
            ) : (
              <ul className="task-list">
                {mine.map((task) => (
                  <TaskCard key={task.id} task={task} onDone={setDone} />
                ))}
              </ul>
            )}
          </section>
          {user.role === 'leader' && others.length > 0 && (
            <section className="section escalated-box" aria-labelledby="others-title">
              <h2 id="others-title">{t('work.tasks.othersEscalated', { count: others.length })}</h2>
              <p className="section__intro">{t('work.tasks.othersIntro')}</p>
              <EscalatedTaskList tasks={others} />
            </section>
          )}
        </>
      )}
      {AlertRoles.has(user.role) && <FeedbackAlertWorklist scope="mine" />}
    </div>
  );
}
