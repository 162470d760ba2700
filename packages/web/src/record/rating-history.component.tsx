import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import type { LivingConditionDomain } from './living-conditions.ts';
import { useRatingHistory } from './person.resource.ts';
import { RatingBadge, RatingIcon } from './rating-badge.component.tsx';

/** Every rating of one domain, newest first: change is seen over time, a lapse never resets it. */
export function RatingHistory({
  id,
  personId,
  domain,
}: {
  id: string;
  personId: string;
  domain: LivingConditionDomain;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useRatingHistory(personId, domain);
  return (
    <div id={id} className="history">
      <h4>{t('living.history.title')}</h4>
      {history.isPending && <Loading />}
      {history.isError && <ErrorMessage error={history.error} onRetry={() => history.refetch()} />}
      {history.data && history.data.ratings.length === 0 && (
        <p className="empty">{t('living.history.empty')}</p>
      )}
      {history.data && history.data.ratings.length > 0 && (
        <>
          <p className="trend">
            <span className="visually-hidden">{t('living.history.trend')} </span>
            {[...history.data.ratings].reverse().map((r) => (
              <span key={r.id} className={`trend__step rating--${r.rating}`}>
                <RatingIcon rating={r.rating} />
                <span className="visually-hidden">
                  {t(`ratings.${r.rating}.name`)} ({format.date(r.ratedAt)}){' '}
                </span>
              </span>
            ))}
          </p>
          <ol className="history__list">
            {history.data.ratings.map((r) => (
              <li key={r.id}>
                <RatingBadge rating={r.rating} />
                {r.note && <p className="history__note">{r.note}</p>}
                <p className="meta">
                  {t('living.ratedBy', {
                    name: r.ratedBy.name,
                    role: t(`roles.${r.ratedBy.role}`),
                    date: format.date(r.ratedAt),
                  })}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
