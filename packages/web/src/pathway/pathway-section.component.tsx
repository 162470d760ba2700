import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { EpisodePanel } from './episode-panel.component.tsx';
import { usePathway } from './pathway.resource.ts';
import { PathwayTimeline } from './timeline.component.tsx';
import { chronological } from './timeline.layout.ts';
import { TimelineText } from './timeline-text.component.tsx';

/**
 * "Forløp" on the person page: the whole pathway as a picture across years, its text alternative, and
 * one panel per episode (newest first, the current one open). A long pathway with several rounds is
 * the normal shape of recovery (docs/domain/pathway.md, P-30, P-58), so nothing here is drawn or worded as
 * failure.
 */
export function PathwaySection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const query = usePathway(personId);

  return (
    <section className="section pathway" aria-labelledby="pathway-title">
      <h2 id="pathway-title">{t('pathway.title')}</h2>
      <p className="section__intro">{t('pathway.intro')}</p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data && query.data.episodes.length === 0 && <p className="empty">{t('pathway.empty')}</p>}
      {query.data && query.data.episodes.length > 0 && (
        <PathwayBody personId={personId} data={query.data} user={user} />
      )}
    </section>
  );
}

function PathwayBody({
  personId,
  data,
  user,
}: {
  personId: string;
  data: NonNullable<ReturnType<typeof usePathway>['data']>;
  user: ReturnType<typeof useUser>;
}) {
  const { t } = useTranslation();
  const ordered = chronological(data.episodes);
  const numberOf = (id: string | null) => (id ? ordered.findIndex((e) => e.id === id) + 1 || null : null);
  const newestFirst = [...ordered].reverse();
  return (
    <>
      <PathwayTimeline episodes={data.episodes} today={data.today} />
      <details className="timeline__details">
        <summary>{t('pathway.timeline.showText')}</summary>
        <TimelineText episodes={data.episodes} />
      </details>
      <div className="episodes">
        {newestFirst.map((episode, i) => (
          <EpisodePanel
            key={episode.id}
            personId={personId}
            episode={episode}
            number={numberOf(episode.id) ?? 0}
            previousNumber={numberOf(episode.previousEpisodeId)}
            today={data.today}
            user={user}
            initiallyOpen={i === 0}
          />
        ))}
      </div>
    </>
  );
}
