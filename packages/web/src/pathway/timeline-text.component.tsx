import type { EpisodeView } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { chronological } from './timeline.layout.ts';

/** The text alternative of the pathway picture: the same episodes, rounds, events and deadlines, as lists. */
export function TimelineText({ episodes, id }: { episodes: EpisodeView[]; id?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = format.calendarDate;
  const ordered = chronological(episodes);
  const numberOf = (episodeId: string) => ordered.findIndex((e) => e.id === episodeId) + 1;
  const period = (from: string, to: string | null) =>
    to
      ? t('pathway.period', { from: date(from), to: date(to) })
      : t('pathway.periodOngoing', { from: date(from) });

  return (
    <ol className="timeline-text" id={id}>
      {ordered.map((e, i) => (
        <li key={e.id}>
          <h3>
            {t('pathway.episodeTitle', { n: i + 1, unit: e.unit.name })}{' '}
            <span className="timeline-text__period">({period(e.openedOn, e.endedOn)})</span>
          </h3>
          <p>
            {t(`pathway.states.${e.state}`)}
            {e.endOutcome && ` – ${t(`pathway.outcomes.${e.endOutcome}`)}`}
            {e.previousEpisodeId && `. ${t('pathway.previous', { n: numberOf(e.previousEpisodeId) })}`}
          </p>
          {e.rounds.length > 0 && (
            <>
              <h4>{t('pathway.timeline.rounds')}</h4>
              <ul>
                {e.rounds.map((r) => (
                  <li key={`${r.setting}-${r.from}`}>
                    {t(`pathway.settings.${r.setting}`)}: {period(r.from, r.to)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h4>{t('pathway.timeline.events')}</h4>
          <ul>
            {e.events.map((ev) => (
              <li key={ev.id}>
                {date(ev.date)}: {t(`pathway.events.${ev.kind}`)}
                {ev.setting && ` (${t(`pathway.settings.${ev.setting}`)})`}
                {ev.outcome && ` – ${t(`pathway.outcomes.${ev.outcome}`)}`}
              </li>
            ))}
          </ul>
          {e.deadlines.length > 0 && (
            <>
              <h4>{t('pathway.timeline.deadlines')}</h4>
              <ul>
                {e.deadlines.map((d) => (
                  <li key={`${d.kind}-${d.startsOn}`}>
                    {t(`pathway.deadlineKinds.${d.kind}`)}:{' '}
                    {t('pathway.deadlines.due', { date: date(d.dueOn) })} –{' '}
                    {t(`pathway.deadlineStatus.${d.status}`)}
                    {d.metOn && ` (${date(d.metOn)})`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
