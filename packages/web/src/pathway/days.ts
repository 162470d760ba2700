import { useTranslation } from 'react-i18next';
import { daysBetween, type IsoDate } from './pathway.ts';

/** "om 3 dager", "i dag", "2 dager over fristen", counted from the server's today (Europe/Oslo). */
export function useDaysLeft() {
  const { t } = useTranslation();
  return (today: IsoDate, due: IsoDate) => {
    const left = daysBetween(today, due);
    if (left === 0) return t('work.dates.today');
    return left > 0 ? t('work.dates.inDays', { count: left }) : t('work.dates.daysOver', { count: -left });
  };
}
