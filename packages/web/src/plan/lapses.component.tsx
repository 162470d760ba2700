import type { LapseBody } from '@bedring/contract';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useLapses, useRecordLapse } from './plan.resource.ts';
import { viewerOf } from './plan-permissions.ts';
import { WrittenByLine } from './written-by.component.tsx';

const Fields = ['situation', 'thoughtsFeelings', 'whatHappened', 'whatHelped'] as const;

/**
 * Progress that counts up over the whole pathway and lapses in the person's own words (docs/domain/plans.md,
 * M-04): a lapse is something to learn from together, never a reset to zero — there is no "days clean" streak
 * here.
 */
export function Lapses({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const self = viewerOf(user) === 'self' ? 'Self' : '';
  const query = useLapses(personId);
  const [adding, setAdding] = useState(false);
  // Whether the specialist team that still holds the person was told of the lapse just recorded (0018).
  const [notified, setNotified] = useState(false);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data) return null;
  const { progress, lapses, lookAtPlanTogether } = query.data;
  return (
    <div className="lapses">
      <h3>{t(`plan.lapses.title${self}`)}</h3>
      {progress.since && (
        <p className="progress">
          {t(`plan.lapses.progress${self}`, {
            since: format.calendarDate(progress.since),
            days: progress.days,
            goodDays: progress.goodDays,
          })}
        </p>
      )}
      {lookAtPlanTogether && <p className="message message--info">{t(`plan.lapses.lookTogether${self}`)}</p>}
      {notified && (
        <p className="message message--info" role="status">
          {t(`lapseNotice.notified${self}`)}
        </p>
      )}
      {lapses.length > 0 && (
        <ul className="plan-entries">
          {lapses.map((l) => (
            <li key={l.id} className={`plan-entry${l.writtenBy === 'person' ? ' plan-entry--own' : ''}`}>
              <p className="plan-entry__label">{format.calendarDate(l.occurredOn)}</p>
              <dl className="lapse__words">
                {Fields.map((f) =>
                  l[f] ? (
                    <div key={f}>
                      <dt>{t(`plan.lapses.fields.${f}`)}</dt>
                      <dd>{l[f]}</dd>
                    </div>
                  ) : null,
                )}
              </dl>
              <WrittenByLine writtenBy={l.writtenBy} author={l.author} at={l.recordedAt} />
            </li>
          ))}
        </ul>
      )}
      {user.role !== 'peer' &&
        (adding ? (
          <LapseForm
            personId={personId}
            onDone={(told) => {
              setAdding(false);
              setNotified(told);
            }}
          />
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setNotified(false);
              setAdding(true);
            }}
          >
            {t(`plan.lapses.add${self}`)}
          </button>
        ))}
    </div>
  );
}

function LapseForm({
  personId,
  onDone,
}: {
  personId: string;
  onDone: (specialistNotified: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const record = useRecordLapse(personId);
  const [occurredOn, setOccurredOn] = useState('');
  const [words, setWords] = useState<Record<(typeof Fields)[number], string>>({
    situation: '',
    thoughtsFeelings: '',
    whatHappened: '',
    whatHelped: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!occurredOn) return setProblem('plan.lapses.dateMissing');
    if (Fields.every((f) => !words[f].trim())) return setProblem('plan.lapses.wordsMissing');
    setProblem(null);
    const body: LapseBody = { occurredOn };
    for (const f of Fields) if (words[f].trim()) body[f] = words[f].trim();
    record.mutate(body, { onSuccess: (r) => onDone(r.specialistNotified) });
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="hint">{t('plan.lapses.formIntro')}</p>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('plan.lapses.occurredOn')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={occurredOn}
          onChange={(e) => setOccurredOn(e.target.value)}
        />
      </div>
      {Fields.map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`${id}-${f}`}>{t(`plan.lapses.questions.${f}`)}</label>
          <textarea
            id={`${id}-${f}`}
            rows={2}
            maxLength={4000}
            value={words[f]}
            onChange={(e) => setWords({ ...words, [f]: e.target.value })}
          />
        </div>
      ))}
      {problem && (
        <p className="message message--error" role="alert">
          {t(problem)}
        </p>
      )}
      {record.isError && <ErrorMessage error={record.error} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={record.isPending}>
          {t('plan.lapses.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
