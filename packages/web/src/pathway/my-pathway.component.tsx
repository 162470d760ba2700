import type { EpisodeView, EventView } from '@bedring/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { usePathway } from './pathway.resource.ts';
import { PathwayTimeline } from './timeline.component.tsx';
import { chronological } from './timeline.layout.ts';

/**
 * The person's own pathway on Min side, read-only and in plain words: what happened when, their own
 * goals, their rights (the start deadline) and who follows them up — the promises made (docs/domain/plans.md,
 * U-23).
 */
export function MyPathway({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const query = usePathway(personId);
  return (
    <section className="section pathway" aria-labelledby="my-pathway-title">
      <h2 id="my-pathway-title">{t('pathway.self.title')}</h2>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data && query.data.episodes.length === 0 && <p className="empty">{t('pathway.self.empty')}</p>}
      {query.data && query.data.episodes.length > 0 && (
        <>
          <p className="section__intro">{t('pathway.self.intro')}</p>
          <PathwayTimeline episodes={query.data.episodes} today={query.data.today} viewer="self" />
          <ol className="my-pathway">
            {[...chronological(query.data.episodes)].reverse().map((e, i, all) => (
              <MyEpisode key={e.id} episode={e} number={all.length - i} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function MyEpisode({ episode: e, number }: { episode: EpisodeView; number: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = format.calendarDate;
  const goals = e.assessments.at(-1)?.personGoals;
  const startDeadline = e.referral?.assessment?.treatmentStartDeadline;
  const started = e.events.some((ev) => ev.kind === 'first-attendance');
  return (
    <li className="my-pathway__episode">
      <h3>
        {t('pathway.self.round', { n: number })}: {e.unit.name}
      </h3>
      <p className="meta">
        {e.endedOn
          ? t('pathway.period', { from: date(e.openedOn), to: date(e.endedOn) })
          : t('pathway.periodOngoing', { from: date(e.openedOn) })}
      </p>
      {goals && (
        <p>
          <span className="recommendation__label">{t('pathway.self.goals')}</span>{' '}
          <span className="own-words">{goals}</span>
        </p>
      )}
      {startDeadline && !started && e.state !== 'ended' && (
        <p className="message message--info">{t('pathway.self.startRight', { date: date(startDeadline) })}</p>
      )}
      <ul className="my-pathway__events">
        {e.events.map((ev) => (
          <li key={ev.id}>
            <time dateTime={ev.date}>{date(ev.date)}</time>: {eventWords(t, ev)}
          </li>
        ))}
      </ul>
      {e.handover && (
        <p>
          {t('pathway.self.handover', { name: e.handover.municipalWorker.name ?? '' })}{' '}
          {e.handover.firstContactOn
            ? t('pathway.self.firstContact', { date: date(e.handover.firstContactOn) })
            : t('pathway.self.noFirstContact')}
        </p>
      )}
    </li>
  );
}

function eventWords(t: TFunction, ev: EventView): string {
  const setting = ev.setting ? t(`pathway.self.settings.${ev.setting}`) : '';
  switch (ev.kind) {
    case 'first-attendance':
    case 'round-started':
      return t(`pathway.self.events.${ev.kind}`, { setting });
    case 'evaluation':
      return t(ev.withPerson ? 'pathway.self.events.evaluation-with' : 'pathway.self.events.evaluation');
    case 'ended':
      return t(`pathway.self.ended.${ev.note === 'no-need' ? 'no-need' : (ev.outcome ?? 'other')}`);
    default:
      return t(`pathway.self.events.${ev.kind}`);
  }
}
