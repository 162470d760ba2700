import type { PlanWarningCode } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import type { Viewer } from './plan-permissions.ts';

/**
 * The plan's warnings in plain words: they prompt, they never block (docs/domain/care-principles.md, U-13:
 * warn, don't block).
 */
export function PlanWarnings({ warnings, viewer }: { warnings: PlanWarningCode[]; viewer: Viewer }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul className="plan-warnings">
      {warnings.map((w) => (
        <li key={w} className="message message--warning">
          {t(`plan.warnings.${viewer}.${w}`)}
        </li>
      ))}
    </ul>
  );
}
