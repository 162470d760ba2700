import { signalText } from '@bedring/domain/checkin/signal-text';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useAcknowledgeSignal, usePersonSignals, useWorklistSignals } from './checkin.resource.ts';

/** Acknowledging a signal: what was done, in a required note. */
function AcknowledgeForm({ signalId }: { signalId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const ack = useAcknowledgeSignal();
  const missing = tried && !note.trim();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (note.trim()) ack.mutate({ id: signalId, note: note.trim() });
  };
  return (
    <form className="signal-ack" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-note`}>{t('checkin.worklist.note')}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        value={note}
        maxLength={2000}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      {missing && (
        <p className="field__error" id={`${id}-error`}>
          {t('checkin.worklist.noteMissing')}
        </p>
      )}
      <button type="submit" className="button button--secondary" disabled={ack.isPending}>
        {t('checkin.worklist.acknowledge')}
      </button>
      {ack.isError && <ErrorMessage error={ack.error} />}
    </form>
  );
}

/** Oppgaver: open signals of the persons the user follows (a leader: the whole unit), oldest first. */
export function SignalWorklist() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useWorklistSignals();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  return (
    <section className="section signal-worklist" aria-labelledby="signal-worklist-title">
      <h2 id="signal-worklist-title">{t('checkin.worklist.title')}</h2>
      <p className="section__intro">{t('checkin.worklist.intro')}</p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data &&
        (query.data.signals.length === 0 ? (
          <p className="empty">{t('checkin.worklist.none')}</p>
        ) : (
          <ul className="signal-list">
            {query.data.signals.map((s) => (
              <li key={s.id} className={`signal-card signal-card--${s.kind}`}>
                <p className="signal-card__who">
                  <Link to={`/personer/${s.person.id}`}>
                    {s.person.givenName} {s.person.familyName}
                  </Link>{' '}
                  · <span>{format.dateTime(s.raisedAt)}</span>
                </p>
                <p className="signal-card__why">{signalText(s.finding, lang)}</p>
                <AcknowledgeForm signalId={s.id} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** The person page: the person's signals, open ones first to acknowledge, with what was done. */
export function PersonSignals({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = usePersonSignals(personId);
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  return (
    <section className="section person-signals" aria-labelledby="person-signals-title">
      <h2 id="person-signals-title">{t('checkin.person.title')}</h2>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data &&
        (query.data.signals.length === 0 ? (
          <p className="empty">{t('checkin.person.none')}</p>
        ) : (
          <ul className="signal-list">
            {query.data.signals.map((s) => (
              <li key={s.id} className="signal-card">
                <p className="signal-card__who">{format.dateTime(s.raisedAt)}</p>
                <p className="signal-card__why">{signalText(s.finding, lang)}</p>
                {s.acknowledged ? (
                  <p className="hint">
                    {t('checkin.person.acknowledged', {
                      name: s.acknowledged.byName ?? '',
                      date: format.date(s.acknowledged.at),
                      note: s.acknowledged.note ?? '',
                    })}
                  </p>
                ) : (
                  <AcknowledgeForm signalId={s.id} />
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
