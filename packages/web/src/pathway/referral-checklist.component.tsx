import { useTranslation } from 'react-i18next';
import { type ReferralChecklist, ReferralChecklistItems, referralCompleteness } from './pathway.ts';

/**
 * What the referral contains (docs/domain/pathway.md, P-13, P-14), with its completeness counted live by the
 * domain rule. The person's own participation comes first and stands out: the person should help write the
 * referral.
 */
export function ReferralChecklistFieldset({
  idPrefix,
  checklist,
  onChange,
}: {
  idPrefix: string;
  checklist: ReferralChecklist;
  onChange: (next: ReferralChecklist) => void;
}) {
  const { t } = useTranslation();
  const completeness = referralCompleteness(checklist);
  return (
    <fieldset className="checklist" aria-describedby={`${idPrefix}-hint ${idPrefix}-completeness`}>
      <legend>{t('work.referral.checklistLegend')}</legend>
      <p className="hint" id={`${idPrefix}-hint`}>
        {t('work.referral.checklistHint')}
      </p>
      <div className="completeness-meter">
        <p className="completeness-meter__text" id={`${idPrefix}-completeness`} aria-live="polite">
          {t('work.referral.completeness', { done: completeness.done, total: completeness.total })}
        </p>
        <ol className="completeness-meter__bar" aria-hidden="true">
          {ReferralChecklistItems.map((item, i) => (
            <li
              key={item}
              className={`completeness-meter__step${i < completeness.done ? ' completeness-meter__step--done' : ''}`}
            />
          ))}
        </ol>
      </div>
      <ul className="checklist__items">
        {ReferralChecklistItems.map((item) => (
          <li
            key={item}
            className={`checkbox checklist__item${item === 'own-participation' ? ' checklist__item--own' : ''}`}
          >
            <input
              type="checkbox"
              id={`${idPrefix}-${item}`}
              checked={checklist[item] === true}
              onChange={(e) => onChange({ ...checklist, [item]: e.target.checked })}
            />
            <label htmlFor={`${idPrefix}-${item}`}>{t(`work.referral.checklist.${item}`)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * Warn, don't block (docs/domain/care-principles.md, U-13): what is missing is said before registering, and
 * registering still works.
 */
export function CompletenessWarning({ checklist }: { checklist: ReferralChecklist }) {
  const { t } = useTranslation();
  const { missing } = referralCompleteness(checklist);
  if (missing.length === 0) {
    return <p className="message message--info">{t('work.referral.complete')}</p>;
  }
  return (
    <div className="message message--warning">
      {missing.includes('own-participation') && <p>{t('work.referral.ownParticipationMissing')}</p>}
      <p>{t('work.referral.missing', { count: missing.length })}</p>
    </div>
  );
}
