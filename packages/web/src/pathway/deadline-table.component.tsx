import type { BoardDeadline, BoardStatus } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format.ts';
import { useDaysLeft } from './days.ts';
import { fullName } from './pathway.ts';
import { StatusBadge } from './status-badge.component.tsx';

const tone: Record<BoardStatus, 'overdue' | 'soon' | 'open'> = {
  overdue: 'overdue',
  'due-soon': 'soon',
  open: 'open',
};

/**
 * The board's rows, most urgent first (the server's order). On a phone each row becomes a card; the
 * small column names shown there are for the eye only, screen readers already hear the table headers.
 */
export function DeadlineTable({
  deadlines,
  today,
  busy,
  personHref,
}: {
  deadlines: BoardDeadline[];
  today: string;
  busy: boolean;
  /** Where the person's name leads, or null for a name without a link. */
  personHref: (d: BoardDeadline) => string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const daysLeft = useDaysLeft();
  const columns = {
    kind: t('work.deadlines.kind'),
    due: t('work.deadlines.due'),
    status: t('work.deadlines.statusColumn'),
    responsible: t('work.deadlines.responsibleColumn'),
  };
  return (
    <table className="deadline-table" aria-busy={busy || undefined}>
      <caption className="visually-hidden">{t('work.deadlines.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('work.deadlines.person')}</th>
          <th scope="col">{columns.kind}</th>
          <th scope="col">{columns.due}</th>
          <th scope="col">{columns.status}</th>
          <th scope="col">{columns.responsible}</th>
        </tr>
      </thead>
      <tbody>
        {deadlines.map((d) => {
          const href = personHref(d);
          return (
            <tr
              key={`${d.episodeId}-${d.kind}-${d.startsOn}`}
              className={`deadline-row deadline-row--${d.status}`}
            >
              <th scope="row" className="deadline-row__person">
                {href ? <Link to={href}>{fullName(d.person)}</Link> : fullName(d.person)}
              </th>
              <td>
                <span className="cell-label" aria-hidden="true">
                  {columns.kind}
                </span>
                {t(`work.deadlines.kinds.${d.kind}`)}
              </td>
              <td className="deadline-row__due">
                <span className="cell-label" aria-hidden="true">
                  {columns.due}
                </span>
                {format.calendarDate(d.dueOn)}
              </td>
              <td className="deadline-row__status">
                <span className="cell-label" aria-hidden="true">
                  {columns.status}
                </span>
                <StatusBadge
                  tone={tone[d.status]}
                  label={t(`work.deadlines.statuses.${d.status}`)}
                  detail={daysLeft(today, d.dueOn)}
                />
              </td>
              <td className="deadline-row__responsible">
                <span className="cell-label" aria-hidden="true">
                  {columns.responsible}
                </span>
                {d.responsible?.name ?? <span className="muted">{t('work.deadlines.noResponsible')}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
