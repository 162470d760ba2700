import type { Task } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format.ts';
import { personPath } from '../record/person-path.ts';
import { fullName } from './pathway.ts';

/**
 * Tasks that have waited longer than the time set (docs/domain/pathway.md, P-42): shown to the unit leader,
 * calmly — a list to follow up, not an alarm.
 */
export function EscalatedTaskList({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="escalated-list">
      {tasks.map((task) => (
        <li key={task.id} className="escalated-list__item">
          <p className="escalated-list__title">
            <Link to={personPath(task.person.id)}>{fullName(task.person)}</Link>
            <span className="escalated-list__kind"> · {t(`work.tasks.kinds.${task.kind}`)}</span>
          </p>
          <p className="meta">{t('work.escalated.since', { date: format.calendarDate(task.escalateOn) })}</p>
        </li>
      ))}
    </ul>
  );
}
