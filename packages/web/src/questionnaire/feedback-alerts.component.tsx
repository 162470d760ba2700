import type { AlertView, PersonAlert, WorklistAlert } from '@bedring/contract';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describedBy, Field } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { personPath } from '../record/person-path.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useAlertText } from './alert-text.ts';
import { useAcknowledgeAlert, usePersonAlerts, useWorklistAlerts } from './questionnaire.resource.ts';
import { langOf, titleIn } from './questionnaire-text.ts';

/**
 * Feedback alerts on a worklist: "Oppgaver" (the clinician's own) and the unit board (a leader's whole
 * organisation). Each says whom it is about, which instrument, the rule in plain words with its values,
 * when it was raised, and is acknowledged with a note on what was done.
 */
export function FeedbackAlertWorklist({ scope }: { scope: 'mine' | 'organisation' }) {
  const { t } = useTranslation();
  const query = useWorklistAlerts();
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const alerts = (query.data?.alerts ?? []).filter((a) => scope === 'organisation' || a.mine);
  // Someone without alerts to look at (a peer, a municipal worker with none) is not shown an empty box.
  if (query.isError && isApiError(query.error, 403)) return null;
  const titleKey = scope === 'mine' ? 'questionnaire.worklist.mine' : 'questionnaire.worklist.organisation';
  return (
    <section className="section feedback-alerts" aria-labelledby={`alerts-${scope}-title`}>
      <h2 id={`alerts-${scope}-title`}>{t(titleKey, { count: alerts.length })}</h2>
      <p className="section__intro">{t('questionnaire.worklist.intro')}</p>
      <div role="status" className="task-done" ref={doneRef} tabIndex={-1}>
        {done && <p className="message message--info">{done}</p>}
      </div>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data &&
        (alerts.length === 0 ? (
          <p className="empty">{t('questionnaire.worklist.none')}</p>
        ) : (
          <ul className="alert-list">
            {alerts.map((a) => (
              <AlertCard
                key={a.id}
                alert={a}
                person={a.person}
                assignee={scope === 'organisation' ? (a.assignee?.name ?? null) : undefined}
                onDone={() =>
                  setDone(
                    t('questionnaire.alerts.acknowledgedFor', {
                      name: `${a.person.givenName} ${a.person.familyName}`,
                    }),
                  )
                }
              />
            ))}
          </ul>
        ))}
    </section>
  );
}

/** The person's alerts on their page: open ones first with the form, then those already acknowledged. */
export function PersonAlerts({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const format = useFormat();
  const alertText = useAlertText();
  const query = usePersonAlerts(personId);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const open = (query.data?.alerts ?? []).filter((a) => !a.acknowledged);
  const closed = (query.data?.alerts ?? []).filter((a): a is PersonAlert & { acknowledged: object } =>
    Boolean(a.acknowledged),
  );
  return (
    <section className="q-block" aria-labelledby="person-alerts-title">
      <h3 id="person-alerts-title">{t('questionnaire.alerts.title', { count: open.length })}</h3>
      <div role="status" className="task-done" ref={doneRef} tabIndex={-1}>
        {done && <p className="message message--info">{done}</p>}
      </div>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data && open.length === 0 && <p className="empty">{t('questionnaire.alerts.none')}</p>}
      {open.length > 0 && (
        <ul className="alert-list">
          {open.map((a) => (
            <AlertCard
              key={a.id}
              alert={a}
              headingLevel={4}
              onDone={() => setDone(t('questionnaire.alerts.acknowledged'))}
            />
          ))}
        </ul>
      )}
      {closed.length > 0 && (
        <details className="q-details">
          <summary>{t('questionnaire.alerts.closed', { count: closed.length })}</summary>
          <ul className="plain-list alert-history">
            {closed.map((a) => (
              <li key={a.id}>
                <p>
                  <strong>{titleIn(a, lang)}</strong> ({format.date(a.raisedAt)}):{' '}
                  {alertText(a.finding, titleIn(a, lang))}
                </p>
                <p className="meta">
                  {t('questionnaire.alerts.acknowledgedBy', {
                    name: a.acknowledged.byName ?? '',
                    date: format.date(a.acknowledged.at),
                  })}
                </p>
                {a.acknowledged.note && <p className="pre-line">{a.acknowledged.note}</p>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function AlertCard({
  alert,
  person,
  assignee,
  headingLevel = 3,
  onDone,
}: {
  alert: AlertView | WorklistAlert;
  headingLevel?: 3 | 4;
  person?: WorklistAlert['person'];
  /** On the leader's board: whose alert it is (null: nobody responsible yet). */
  assignee?: string | null;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const format = useFormat();
  const alertText = useAlertText();
  const titleId = `alert-${alert.id}-title`;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <li className="alert-card">
      <article aria-labelledby={titleId}>
        <Heading className="alert-card__title" id={titleId}>
          {person ? (
            <>
              <Link to={personPath(person.id)}>
                {person.givenName} {person.familyName}
              </Link>
              {' – '}
              {titleIn(alert, lang)}
            </>
          ) : (
            titleIn(alert, lang)
          )}
        </Heading>
        <p className="alert-card__rule">{alertText(alert.finding, titleIn(alert, lang))}</p>
        <dl className="facts">
          <div>
            <dt>{t('questionnaire.alerts.raised')}</dt>
            <dd>{format.date(alert.raisedAt)}</dd>
          </div>
          {assignee !== undefined && (
            <div>
              <dt>{t('questionnaire.alerts.assignee')}</dt>
              <dd>{assignee ?? t('questionnaire.alerts.noAssignee')}</dd>
            </div>
          )}
        </dl>
        <AcknowledgeForm alertId={alert.id} onDone={onDone} />
      </article>
    </li>
  );
}

function AcknowledgeForm({ alertId, onDone }: { alertId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const acknowledge = useAcknowledgeAlert();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!note.trim()) {
      setError(t('questionnaire.alerts.noteRequired'));
      input.current?.focus();
      return;
    }
    setError(null);
    acknowledge.mutate(
      { alertId, note: note.trim() },
      {
        onSuccess: onDone,
        onError: (err) => {
          if (isApiError(err, 409)) onDone();
          else if (isApiError(err, 403)) setFailure(t('questionnaire.alerts.notAllowed'));
          else setFailure(t('errors.generic'));
        },
      },
    );
  };

  return (
    <form className="form task-form" onSubmit={onSubmit} noValidate>
      <Field
        id={id}
        label={t('questionnaire.alerts.note')}
        hint={t('questionnaire.alerts.noteHint')}
        error={error}
      >
        <textarea
          {...describedBy(id, { hint: true, error })}
          ref={input}
          rows={2}
          maxLength={2000}
          value={note}
          required
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      {failure && (
        <p className="message message--error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={acknowledge.isPending}>
          {acknowledge.isPending ? t('common.saving') : t('questionnaire.alerts.acknowledge')}
        </button>
      </div>
    </form>
  );
}
