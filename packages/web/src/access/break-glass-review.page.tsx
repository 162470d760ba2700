import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { type BreakGlassEvent, useBreakGlassEvents } from './break-glass.resource.ts';
import { BreakGlassReviewForm } from './break-glass-review-form.component.tsx';

/** The leader's list of break-glass events (nødtilgang), waiting ones first, each with a review note. */
export function BreakGlassReviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('review.title'));
  const events = useBreakGlassEvents();
  const all = events.data?.events ?? [];
  const pending = all.filter((e) => !e.reviewedAt);
  const reviewed = all.filter((e) => e.reviewedAt);

  return (
    <>
      <h1>{t('review.title')}</h1>
      <p className="lead">{t('review.intro')}</p>
      {events.isPending && <Loading />}
      {events.isError && <ErrorMessage error={events.error} onRetry={() => events.refetch()} />}
      {events.data && (
        <>
          <section className="section" aria-labelledby="pending-title">
            <h2 id="pending-title">{t('review.pendingTitle', { count: pending.length })}</h2>
            {pending.length === 0 ? (
              <p className="empty">{t('review.nonePending')}</p>
            ) : (
              <ul className="events">
                {pending.map((e) => (
                  <EventItem key={e.id} event={e} />
                ))}
              </ul>
            )}
          </section>
          <section className="section" aria-labelledby="reviewed-title">
            <h2 id="reviewed-title">{t('review.reviewedTitle', { count: reviewed.length })}</h2>
            {reviewed.length === 0 ? (
              <p className="empty">{t('review.noneReviewed')}</p>
            ) : (
              <ul className="events">
                {reviewed.map((e) => (
                  <EventItem key={e.id} event={e} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

function EventItem({ event }: { event: BreakGlassEvent }) {
  const { t } = useTranslation();
  const format = useFormat();
  const personName = `${event.person.givenName} ${event.person.familyName}`;
  const label = t('review.eventLabel', { staff: event.staffName, person: personName });
  return (
    <li className={`event ${event.reviewedAt ? 'event--reviewed' : 'event--pending'}`}>
      <h3 className="event__title">{label}</h3>
      <dl className="facts">
        <div>
          <dt>{t('review.opened')}</dt>
          <dd>{format.dateTime(event.openedAt)}</dd>
        </div>
        <div>
          <dt>{t('review.expires')}</dt>
          <dd>{format.dateTime(event.expiresAt)}</dd>
        </div>
      </dl>
      <p className="event__reason">
        <strong>{t('review.reason')}:</strong> {event.reason}
      </p>
      <Reads event={event} />
      {event.reviewedAt ? (
        <p className="event__review">
          <strong>{t('review.reviewedAt', { date: format.dateTime(event.reviewedAt) })}:</strong>{' '}
          {event.reviewNote}
        </p>
      ) : (
        <BreakGlassReviewForm eventId={event.id} label={label} />
      )}
    </li>
  );
}

/** What the opener read and wrote of the person between opening and expiry: the review is of this. */
function Reads({ event }: { event: BreakGlassEvent }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const staff = event.staffName;
  if (event.reads.length === 0) return <p className="meta">{t('worklists.review.noReads', { staff })}</p>;
  return (
    <>
      <h4 id={`${id}-reads`}>{t('worklists.review.readsTitle', { staff, count: event.reads.length })}</h4>
      <ol className="event__reads" aria-labelledby={`${id}-reads`}>
        {event.reads.map((r) => (
          <li key={r.id}>
            <time dateTime={r.at}>{format.dateTime(r.at)}</time>
            {': '}
            {t([`accessLog.what.${r.action}.${r.resourceType}`, `accessLog.action.${r.action}`], {
              defaultValue: r.action,
            })}
          </li>
        ))}
      </ol>
    </>
  );
}
