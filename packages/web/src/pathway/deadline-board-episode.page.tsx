import type { BoardEpisode, BoardStatus } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { useDaysLeft } from './days.ts';
import { useBoardEpisode } from './deadline-board.resource.ts';
import { PathwayPaths } from './pathway.routes.ts';
import { fullName } from './pathway.ts';
import { StatusBadge } from './status-badge.component.tsx';

const tone: Record<BoardStatus, 'overdue' | 'soon' | 'open'> = {
  overdue: 'overdue',
  'due-soon': 'soon',
  open: 'open',
};

/**
 * What a unit leader opens from a row on Frister (/frister/:episodeId): the deadlines, the episode's state
 * and its open tasks — what the board already knows — without the record and without break-glass
 * (docs/decisions/0016-worklists.md).
 */
export function BoardEpisodePage() {
  const { episodeId = '' } = useParams();
  const { t } = useTranslation();
  const view = useBoardEpisode(episodeId);
  useDocumentTitle(
    view.data
      ? t('worklists.episode.title', { name: fullName(view.data.person) })
      : t('work.deadlines.title'),
  );
  return (
    <div className="work-page">
      <p>
        <Link to={PathwayPaths.deadlines}>
          <span aria-hidden="true">← </span>
          {t('worklists.episode.back')}
        </Link>
      </p>
      {view.isPending && <Loading />}
      {view.isError &&
        (isApiError(view.error, 404) ? (
          <>
            <h1>{t('work.deadlines.title')}</h1>
            <p className="message" role="alert">
              {t('worklists.episode.otherUnit')}
            </p>
          </>
        ) : (
          <ErrorMessage error={view.error} onRetry={() => view.refetch()} />
        ))}
      {view.data && <Episode view={view.data} />}
    </div>
  );
}

function Episode({ view }: { view: BoardEpisode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const daysLeft = useDaysLeft();
  return (
    <>
      <h1>{t('worklists.episode.title', { name: fullName(view.person) })}</h1>
      <p className="lead">{t('worklists.episode.intro')}</p>
      <dl className="facts facts--inline" aria-label={t('worklists.episode.facts')}>
        <div>
          <dt>{t('worklists.episode.unit')}</dt>
          <dd>{view.unit.name}</dd>
        </div>
        <div>
          <dt>{t('worklists.episode.state')}</dt>
          <dd>{t(`pathway.states.${view.state}`)}</dd>
        </div>
        <div>
          <dt>{t('worklists.episode.openedOn')}</dt>
          <dd>{format.calendarDate(view.openedOn)}</dd>
        </div>
        <div>
          <dt>{t('worklists.episode.responsible')}</dt>
          <dd>{view.responsible?.name ?? t('worklists.episode.noResponsible')}</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="episode-deadlines">
        <h2 id="episode-deadlines">{t('worklists.episode.deadlinesTitle')}</h2>
        {view.deadlines.length === 0 ? (
          <p className="empty">{t('worklists.episode.noDeadlines')}</p>
        ) : (
          <ul className="plain-list">
            {view.deadlines.map((d) => (
              <li key={`${d.kind}-${d.startsOn}`}>
                <strong>{t(`work.deadlines.kinds.${d.kind}`)}</strong>
                {' · '}
                {t('work.deadlines.due')}: {format.calendarDate(d.dueOn)}{' '}
                <StatusBadge
                  tone={tone[d.status]}
                  label={t(`work.deadlines.statuses.${d.status}`)}
                  detail={daysLeft(view.today, d.dueOn)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="episode-tasks">
        <h2 id="episode-tasks">{t('worklists.episode.tasksTitle')}</h2>
        {view.tasks.length === 0 ? (
          <p className="empty">{t('worklists.episode.noTasks')}</p>
        ) : (
          <ul className="plain-list">
            {view.tasks.map((task) => (
              <li key={task.id}>
                <strong>{t(`work.tasks.kinds.${task.kind}`)}</strong>
                {' · '}
                {t('worklists.episode.escalateOn')}: {format.calendarDate(task.escalateOn)}
                {' · '}
                {t('worklists.episode.assignee')}:{' '}
                {task.assignee.name ?? t('worklists.episode.noResponsible')}{' '}
                <StatusBadge
                  tone={task.status === 'escalated' ? 'escalated' : 'open'}
                  label={t(`worklists.episode.taskStatuses.${task.status}`)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
