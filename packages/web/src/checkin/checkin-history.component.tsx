import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useCheckins } from './checkin.resource.ts';

/** The person page: the check-ins of the last four weeks as a table, newest first, signs in the person's words. */
export function CheckinHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useCheckins(personId);
  const signs = query.data?.signs ?? {};
  return (
    <section className="section checkin-history" aria-labelledby="checkin-history-title">
      <h2 id="checkin-history-title">{t('checkin.history.title')}</h2>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data &&
        (query.data.checkins.length === 0 ? (
          <p className="empty">{t('checkin.history.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="pathway-table">
              <thead>
                <tr>
                  <th scope="col">{t('checkin.history.day')}</th>
                  <th scope="col">{t('checkin.history.mood')}</th>
                  <th scope="col">{t('checkin.history.craving')}</th>
                  <th scope="col">{t('checkin.history.sleep')}</th>
                  <th scope="col">{t('checkin.history.use')}</th>
                  <th scope="col">{t('checkin.history.signs')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.checkins.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{format.calendarDate(c.day)}</th>
                    <td>{t(`checkin.mood.${c.mood}`)}</td>
                    <td>{c.craving}</td>
                    <td>{t(`checkin.sleep.${c.sleep}`)}</td>
                    <td>
                      {t(`checkin.use.${c.use}`)}
                      {c.substance ? ` (${c.substance}${c.amount ? `, ${c.amount}` : ''})` : ''}
                    </td>
                    <td>{c.warningSigns.map((id) => signs[id] ?? '—').join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
