import type { PlanChangeView } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

/** What the words were before and after a change (an entry's text, or a review date). */
function words(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v && 'text' in v && typeof v.text === 'string') return v.text;
  if (typeof v === 'object' && v && 'reviewOn' in v) return String(v.reviewOn ?? '–');
  return null;
}

/** Which of an entry's fields a change touched (text, what success means, due date…). */
function changedFields(before: unknown, after: unknown): string[] {
  if (typeof before !== 'object' || typeof after !== 'object' || !before || !after) return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a).filter((k) => k !== 'retired' && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * The full version history: who changed what, when (docs/domain/plans.md, CAP-02). Newest first, folded away.
 */
export function PlanHistory({ history }: { history: PlanChangeView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (history.length === 0) return null;
  return (
    <details className="plan-history">
      <summary>{t('plan.history.show', { count: history.length })}</summary>
      <ol className="plan-history__list" reversed>
        {[...history].reverse().map((h) => {
          const before = words(h.before);
          const after = words(h.after);
          const fields = h.action === 'change-entry' ? changedFields(h.before, h.after) : [];
          return (
            <li key={`${h.version}-${h.action}`}>
              <p>
                <strong>{t('plan.history.version', { version: h.version })}</strong>{' '}
                {t(`plan.history.actions.${h.action}`)} · {h.changedBy.name} ({t(`roles.${h.changedBy.role}`)}
                ) · {format.dateTime(h.changedAt)}
              </p>
              {fields.length > 0 && (
                <p className="meta">
                  {t('plan.history.changed', {
                    list: fields.map((f) => t(`plan.history.fields.${f}`, { defaultValue: f })).join(', '),
                  })}
                </p>
              )}
              {h.action === 'change-entry' && before && before !== after && (
                <p className="meta">
                  {t('plan.history.before')}: {before}
                </p>
              )}
              {after && (
                <p className="meta">
                  {h.action === 'retire-entry' ? t('plan.history.retired') : t('plan.history.after')}: {after}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
