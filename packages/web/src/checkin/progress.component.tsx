import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useCheckins } from './checkin.resource.ts';

/**
 * Progress without shame (docs/decisions/0007-checkins-and-signals.md): the days with a check-in counted up,
 * a lapse a mark on its day — never a streak that breaks, never a reset — and the goals in the person's own
 * words.
 */
export function CheckinProgress({ personId, self }: { personId: string; self: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useCheckins(personId);
  const progress = query.data?.progress;
  const who = self ? 'Self' : '';
  return (
    <section className="section checkin-progress" aria-labelledby="checkin-progress-title">
      <h2 id="checkin-progress-title">{t(`checkin.progress.title${who}`)}</h2>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {progress && (
        <>
          <p>
            {t(`checkin.progress.days${who}`, {
              count: progress.checkinDays,
              window: progress.days.length,
            })}{' '}
            {t(`checkin.progress.total${who}`, { count: progress.totalCheckinDays })}
          </p>
          <ol className="checkin-calendar" aria-label={t('checkin.progress.calendar')}>
            {progress.days.map((d) => (
              <li
                key={d.day}
                className={`checkin-calendar__day${d.checkedIn ? ' checkin-calendar__day--in' : ''}${d.lapse ? ' checkin-calendar__day--lapse' : ''}`}
              >
                <span className="visually-hidden">
                  {format.calendarDate(d.day)}:{' '}
                  {[
                    d.checkedIn ? t('checkin.progress.checkedIn') : t('checkin.progress.noCheckin'),
                    ...(d.lapse ? [t('checkin.progress.lapse')] : []),
                  ].join(', ')}
                </span>
              </li>
            ))}
          </ol>
          <p className="hint">{t('checkin.progress.legend')}</p>
          {progress.lapseDays > 0 && (
            <p>{t(`checkin.progress.lapses${who}`, { count: progress.lapseDays })}</p>
          )}
          <p>{t(`checkin.progress.contacts${who}`, { count: progress.contacts })}</p>
          {progress.goals && progress.goals.goals.length > 0 && (
            <>
              <h3>{t(`checkin.progress.goals${who}`)}</h3>
              <ul className="plain-list checkin-goals">
                {progress.goals.goals.map((g) => (
                  <li key={g.text}>
                    {g.text}
                    {g.progress !== null && (
                      <span className="checkin-goals__progress">
                        {' '}
                        — {t('checkin.progress.goalProgress', { value: g.progress })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
              <p className="hint">
                {t('checkin.progress.goalsAt', { date: format.date(progress.goals.at) })}
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}
