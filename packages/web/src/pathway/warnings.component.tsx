import type { PathwayWarning } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

/** What a rule said about a saved event, calmly: the event is saved; these are things to know. */
export function Warnings({ warnings }: { warnings: PathwayWarning[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings">
      {warnings.map((w) =>
        w.code === 'deadline-missed' ? (
          <li key={`${w.code}-${w.deadline}-${w.dueOn}`}>
            {t('pathway.warnings.late', {
              count: w.daysLate,
              deadline: t(`pathway.deadlineKinds.${w.deadline}`).toLocaleLowerCase(i18n.language),
              date: format.calendarDate(w.dueOn),
            })}
          </li>
        ) : (
          <li key={w.code}>
            {t('pathway.warnings.notReady', { count: w.gaps.length })}{' '}
            {w.gaps.map((g) => t(`pathway.dischargeItems.${g}`)).join(', ')}.
          </li>
        ),
      )}
    </ul>
  );
}
