import type { EventView } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { Warnings } from './warnings.component.tsx';

/**
 * What happened in the episode, newest first, each with who recorded it (docs/domain/care-principles.md:
 * every entry shows who wrote it).
 */
export function Events({ events }: { events: EventView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="pathway-block">
      <h4>{t('pathway.eventList.title')}</h4>
      <ol className="event-list" aria-label={t('pathway.eventList.title')}>
        {[...events].reverse().map((ev) => (
          <li key={ev.id} className="event-list__item">
            <p className="event-list__what">
              <time dateTime={ev.date}>{format.calendarDate(ev.date)}</time>{' '}
              <strong>{t(`pathway.events.${ev.kind}`)}</strong>
              {ev.setting && ` – ${t(`pathway.settings.${ev.setting}`)}`}
              {ev.outcome && ` – ${t(`pathway.outcomes.${ev.outcome}`)}`}
            </p>
            {ev.kind === 'evaluation' && (
              <p className="event-list__detail">
                {ev.withPerson ? t('pathway.eventList.withPerson') : t('pathway.eventList.withoutPerson')}
                {ev.feedbackToolUsed && `, ${t('pathway.eventList.feedbackTool')}`}
              </p>
            )}
            {ev.helpNeeded && (
              <p className="event-list__detail">
                {t('pathway.eventForm.helpNeeded')}: {t(`pathway.helpNeeded.${ev.helpNeeded}`)}
              </p>
            )}
            {ev.note && ev.note !== 'no-need' && <p className="event-list__note">{ev.note}</p>}
            {ev.warnings.length > 0 && (
              <div className="event-list__warnings">
                <Warnings warnings={ev.warnings} />
              </div>
            )}
            {ev.reason && (
              <p className="event-list__detail">
                <span className="event-list__label">{t('pathway.eventList.reason')}</span> {ev.reason}
              </p>
            )}
            <p className="meta">
              {t('pathway.eventList.recordedBy', {
                name: ev.recordedBy.name,
                date: format.dateTime(ev.recordedAt),
              })}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
