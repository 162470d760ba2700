import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePersonQuestionnaires } from '../questionnaire/questionnaire.resource.ts';
import { ErrorMessage } from '../shell/status.component.tsx';
import { useCheckinForm, usePersonSignals } from './checkin.resource.ts';
import { SignalSteps } from './signal-steps.component.tsx';

/** The time of day now in Norway, "HH:MM", to compare with the person's reminder time. */
function osloTimeNow(): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date());
}

/**
 * On Min side after "I dag" (today.component.tsx, which has "Jeg trenger hjelp nå"): today's check-in
 * (and the reminder, after the time the person chose), and what recent check-ins showed with the person's
 * own steps for it.
 */
export function CheckinCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const form = useCheckinForm(personId);
  const questionnaires = usePersonQuestionnaires(personId);
  // After each contact the person is offered session feedback (docs/decisions/0005-questionnaires.md): said
  // here, at the top.
  const feedback = (questionnaires.data?.due ?? []).find(
    (d) => d.questionnaireId === 'session-feedback' && d.mayAnswer,
  );
  const signals = usePersonSignals(personId);
  const open = (signals.data?.signals ?? []).filter((s) => !s.acknowledged && s.steps.length > 0);
  const done = (form.data?.checkedInToday ?? 0) > 0;
  const remind = !done && form.data?.remindAt != null && osloTimeNow() >= form.data.remindAt;
  return (
    <section className="section checkin-card" aria-labelledby="checkin-card-title">
      <h2 id="checkin-card-title">{t('checkin.card.title')}</h2>
      {form.isError && <ErrorMessage error={form.error} onRetry={() => form.refetch()} />}
      {remind && <p className="message message--info">{t('checkin.card.reminder')}</p>}
      {form.data && <p>{done ? t('checkin.card.done') : t('checkin.card.notYet')}</p>}
      <div className="checkin-card__actions">
        <Link to="/min-side/innsjekk" className="button button--primary">
          {done ? t('checkin.card.again') : t('checkin.card.start')}
        </Link>
      </div>
      {feedback && (
        <p className="message message--info">
          {t('checkin.card.feedback')} <a href="#my-questionnaires-title">{t('checkin.card.feedbackLink')}</a>
        </p>
      )}
      <SignalSteps signals={open.map((s) => ({ ...s.finding, steps: s.steps }))} />
    </section>
  );
}
