import type { EpisodeView, PathwayWarning, TaskView } from '@bedring/contract';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../auth/session.resource.ts';
import { useFormat } from '../i18n/format.ts';
import { AssessmentForm } from './assessment-form.component.tsx';
import { Assessments } from './assessments.component.tsx';
import { Deadlines } from './deadlines.component.tsx';
import { DischargeForm, DischargeSummary, LivingBeside } from './discharge.component.tsx';
import { EventForm } from './event-form.component.tsx';
import { Events } from './events.component.tsx';
import { HandoverFacts, HandoverForm } from './handover.component.tsx';
import { mayDecide, mayFillChecklist, type RecordableEventKind } from './pathway.ts';
import { ReferralAssessmentForm, ReferralFacts } from './referral.component.tsx';
import { ResponsibleForm } from './responsible.component.tsx';
import { Tasks } from './tasks.component.tsx';
import { Warnings } from './warnings.component.tsx';

type OpenForm =
  | { type: 'event'; kind: RecordableEventKind }
  | { type: 'assessment' }
  | { type: 'checklist' }
  | { type: 'handover' }
  | { type: 'referral' }
  | { type: 'responsible' };

interface Notice {
  message: string;
  warnings: PathwayWarning[];
  reasonGiven: boolean;
}

/** One episode: referral, deadlines, events and the forms that move it on, for the roles that may. */
export function EpisodePanel({
  personId,
  episode,
  number,
  previousNumber,
  today,
  user,
  initiallyOpen,
}: {
  personId: string;
  episode: EpisodeView;
  number: number;
  previousNumber: number | null;
  today: string;
  user: SessionUser;
  initiallyOpen: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = format.calendarDate;
  const uid = useId();
  const [expanded, setExpanded] = useState(initiallyOpen);
  const [form, setForm] = useState<OpenForm | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const decide = mayDecide(user.role);
  const e = episode;
  const active = e.state !== 'ended';

  const article = useRef<HTMLElement>(null);
  const opener = useRef<string | null>(null);
  const open = (f: OpenForm) => {
    setNotice(null);
    setForm(f);
    opener.current = f.type === 'event' ? `event-${f.kind}` : f.type;
  };
  const saved = (message: string, warnings: PathwayWarning[] = [], reasonGiven = false) => {
    setForm(null);
    setNotice({ message, warnings, reasonGiven });
    requestAnimationFrame(() => noticeRef.current?.focus());
  };
  // Cancelling a form gives focus back to the button that opened it (rendered again once the form closes).
  const cancel = () => {
    setForm(null);
    requestAnimationFrame(() =>
      article.current?.querySelector<HTMLElement>(`[data-opener="${opener.current}"]`)?.focus(),
    );
  };
  const mayCompleteTask = (task: TaskView) =>
    // The server lets a unit leader complete a task only once it has escalated to them.
    task.assignee.id === user.id || (user.role === 'leader' && task.status === 'escalated');

  const showDischarge =
    e.dischargeChecklist !== null || ['in-treatment', 'discharged', 'follow-up'].includes(e.state);
  const mayHandOver =
    decide && e.handover === null && (e.state === 'in-treatment' || e.state === 'discharged');
  const handoverTask = e.tasks.find((task) => task.kind === 'handover');
  const otherTasks = e.tasks.filter((task) => task.kind !== 'handover');

  return (
    <article ref={article} className={`episode episode--${e.state}`} aria-labelledby={`${uid}-title`}>
      <div className="episode__head">
        <h3 id={`${uid}-title`}>{t('pathway.episodeTitle', { n: number, unit: e.unit.name })}</h3>
        <span className={`state-badge state-badge--${e.state}`}>{t(`pathway.states.${e.state}`)}</span>
      </div>
      <p className="meta">
        {e.endedOn
          ? t('pathway.period', { from: date(e.openedOn), to: date(e.endedOn) })
          : t('pathway.periodOngoing', { from: date(e.openedOn) })}
        {e.endOutcome && ` · ${t(`pathway.outcomes.${e.endOutcome}`)}`}
        {e.responsible?.name && ` · ${t('pathway.responsible', { name: e.responsible.name })}`}
        {previousNumber !== null && ` · ${t('pathway.previous', { n: previousNumber })}`}
      </p>
      {!initiallyOpen && (
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={expanded}
          aria-controls={`${uid}-body`}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? t('pathway.hideDetails') : t('pathway.showDetails')}
          <span className="visually-hidden"> – {t('pathway.episodeName', { n: number })}</span>
        </button>
      )}
      <div className="episode__notice" role="status" tabIndex={-1} ref={noticeRef}>
        {notice && (
          <div className="message message--info">
            <p>{notice.message}</p>
            <Warnings warnings={notice.warnings} />
            {notice.warnings.length > 0 && notice.reasonGiven && <p>{t('pathway.warnings.reasonSaved')}</p>}
          </div>
        )}
      </div>
      {expanded && (
        <div id={`${uid}-body`} className="episode__body">
          {decide && active && e.possibleEvents.length > 0 && (
            <fieldset className="episode__actions">
              <legend className="episode__actions-label">{t('pathway.actions.label')}</legend>
              {e.possibleEvents.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="button button--secondary"
                  data-opener={`event-${kind}`}
                  aria-expanded={form?.type === 'event' && form.kind === kind}
                  onClick={() => open({ type: 'event', kind })}
                >
                  {t(`pathway.actions.${kind}`)}
                </button>
              ))}
            </fieldset>
          )}
          {decide && active && form?.type !== 'responsible' && (
            <button
              type="button"
              className="button button--quiet"
              data-opener="responsible"
              onClick={() => open({ type: 'responsible' })}
            >
              {t('pathway.responsibleForm.open')}
            </button>
          )}
          {form?.type === 'responsible' && user.organisation && (
            <ResponsibleForm
              personId={personId}
              episodeId={e.id}
              organisationId={user.organisation.id}
              currentId={e.responsible?.id ?? null}
              onCancel={cancel}
              onSaved={(name) => saved(t('pathway.responsibleForm.saved', { name }))}
            />
          )}
          {form?.type === 'event' && (
            <EventForm
              key={form.kind}
              personId={personId}
              episode={e}
              kind={form.kind}
              today={today}
              onCancel={cancel}
              onSaved={(result, body) =>
                saved(
                  [
                    t('pathway.notices.event', { event: t(`pathway.events.${body.kind}`) }),
                    result.taskId && body.kind === 'ended' ? t('pathway.notices.reEngagement') : '',
                  ]
                    .filter(Boolean)
                    .join(' '),
                  result.warnings,
                  Boolean(body.reason),
                )
              }
            />
          )}

          <div className="episode__grid">
            {e.referral ? (
              <div>
                <ReferralFacts referral={e.referral} />
                {decide && e.state === 'referred' && form?.type !== 'referral' && (
                  <button
                    type="button"
                    className="button button--primary"
                    data-opener="referral"
                    onClick={() => open({ type: 'referral' })}
                  >
                    {t('pathway.referral.assess')}
                  </button>
                )}
                {form?.type === 'referral' && (
                  <ReferralAssessmentForm
                    personId={personId}
                    referral={e.referral}
                    today={today}
                    onCancel={cancel}
                    onSaved={() => saved(t('pathway.notices.referral'))}
                  />
                )}
              </div>
            ) : (
              <div className="pathway-block">
                <h4>{t('pathway.referral.title')}</h4>
                <p>{t('pathway.referral.readmitted', { n: previousNumber ?? '' })}</p>
              </div>
            )}
            <Deadlines deadlines={e.deadlines} />
          </div>

          <Events events={e.events} />

          <div className="pathway-block">
            <div className="section__head">
              <h4 id={`${uid}-assessment`}>{t('pathway.assessment.title')}</h4>
              {decide && active && form?.type !== 'assessment' && (
                <button
                  type="button"
                  className="button button--secondary"
                  data-opener="assessment"
                  onClick={() => open({ type: 'assessment' })}
                >
                  {t('pathway.assessment.new')}
                </button>
              )}
            </div>
            {form?.type === 'assessment' && (
              <AssessmentForm
                personId={personId}
                episodeId={e.id}
                previous={e.assessments.at(-1) ?? null}
                today={today}
                onCancel={cancel}
                onSaved={() => saved(t('pathway.notices.assessment'))}
              />
            )}
            <Assessments assessments={e.assessments} />
          </div>

          {showDischarge && (
            <div className="pathway-block">
              <div className="section__head">
                <h4 id={`${uid}-discharge`}>{t('pathway.discharge.title')}</h4>
                {mayFillChecklist(user.role) && active && form?.type !== 'checklist' && (
                  <button
                    type="button"
                    className="button button--secondary"
                    data-opener="checklist"
                    onClick={() => open({ type: 'checklist' })}
                  >
                    {e.dischargeChecklist ? t('pathway.discharge.edit') : t('pathway.discharge.start')}
                  </button>
                )}
              </div>
              {form?.type === 'checklist' ? (
                <DischargeForm
                  personId={personId}
                  episodeId={e.id}
                  checklist={e.dischargeChecklist}
                  onCancel={cancel}
                  onSaved={() => saved(t('pathway.notices.checklist'))}
                />
              ) : (
                <DischargeSummary checklist={e.dischargeChecklist} />
              )}
              <LivingBeside rows={e.livingConditions} ended={e.endedOn !== null} />
            </div>
          )}

          {(e.handover || mayHandOver) && (
            <div className="pathway-block">
              <h4 id={`${uid}-handover`}>{t('pathway.handover.title')}</h4>
              {e.handover && <HandoverFacts handover={e.handover} task={handoverTask} />}
              {mayHandOver && form?.type !== 'handover' && (
                <>
                  <p>{t('pathway.handover.none')}</p>
                  <button
                    type="button"
                    className="button button--primary"
                    data-opener="handover"
                    onClick={() => open({ type: 'handover' })}
                  >
                    {t('pathway.handover.start')}
                  </button>
                </>
              )}
              {form?.type === 'handover' && (
                <HandoverForm
                  personId={personId}
                  episodeId={e.id}
                  today={today}
                  onCancel={cancel}
                  onSaved={() => saved(t('pathway.notices.handover'))}
                />
              )}
              <Tasks
                personId={personId}
                tasks={handoverTask ? [handoverTask] : []}
                today={today}
                mayComplete={mayCompleteTask}
                onCompleted={(message) => saved(message)}
              />
            </div>
          )}

          {otherTasks.length > 0 && (
            <div className="pathway-block">
              <h4 id={`${uid}-tasks`}>{t('pathway.tasks.title')}</h4>
              <Tasks
                personId={personId}
                tasks={otherTasks}
                today={today}
                mayComplete={mayCompleteTask}
                onCompleted={(message) => saved(message)}
              />
            </div>
          )}
        </div>
      )}
    </article>
  );
}
