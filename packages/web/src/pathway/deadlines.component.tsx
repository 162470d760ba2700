import type { DeadlineView } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import type { DeadlineStatus } from './pathway.ts';
import { DeadlineMark } from './timeline-marks.component.tsx';

/** A deadline's status in words and shape (never colour alone): «overholdt», «forfalt», «snart» … */
export function DeadlineBadge({ status }: { status: DeadlineStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`deadline-badge deadline-badge--${status}`}>
      <svg width="16" height="16" aria-hidden="true" focusable="false">
        <g transform="translate(8 8)">
          <DeadlineMark status={status} />
        </g>
      </svg>
      {t(`pathway.deadlineStatus.${status}`)}
    </span>
  );
}

/** The episode's pathway deadlines (forløpstider) with their status today, soonest due first. */
export function Deadlines({ deadlines }: { deadlines: DeadlineView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = format.calendarDate;
  return (
    <div className="pathway-block">
      <h4>{t('pathway.deadlines.title')}</h4>
      {deadlines.length === 0 ? (
        <p className="empty">{t('pathway.deadlines.empty')}</p>
      ) : (
        <ul className="deadline-list" aria-label={t('pathway.deadlines.title')}>
          {[...deadlines]
            .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
            .map((d) => (
              <li
                key={`${d.kind}-${d.startsOn}`}
                className={`deadline-list__item deadline-list__item--${d.status}`}
              >
                <span className="deadline-list__kind">{t(`pathway.deadlineKinds.${d.kind}`)}</span>
                <span className="deadline-list__when">
                  <DeadlineBadge status={d.status} />
                  {d.metOn && ` ${date(d.metOn)}`} · {t('pathway.deadlines.due', { date: date(d.dueOn) })}
                  {!d.metOn &&
                    d.closedOn &&
                    `, ${t('pathway.deadlines.closedOn', { date: date(d.closedOn) })}`}
                </span>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
