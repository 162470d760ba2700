import type { PlanSaveWarning } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

/**
 * What the server noticed on saving, as a calm note after the fact: it is saved, nothing is blocked
 * (docs/domain/care-principles.md, U-13: warn, don't block). Unknown codes still get a plain sentence rather
 * than a code.
 */
export function SaveWarnings({ warnings }: { warnings: PlanSaveWarning[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (warnings.length === 0) return null;
  return (
    <div className="message message--info plan-save-notes" role="status">
      <p>{t('plan.saveNotes.saved')}</p>
      <ul>
        {warnings.map((w) => (
          <li key={w.code}>
            {t(`plan.saveNotes.${w.code}`, {
              defaultValue: t('plan.saveNotes.other'),
              date: 'dueOn' in w ? format.calendarDate(w.dueOn) : '',
              evaluateOn: 'evaluateOn' in w ? format.calendarDate(w.evaluateOn) : '',
              pathwayEvaluation: 'pathwayEvaluation' in w ? format.calendarDate(w.pathwayEvaluation) : '',
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
