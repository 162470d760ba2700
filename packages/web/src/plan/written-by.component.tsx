import type { PlanAuthor } from '@bedring/contract';
import type { WrittenBy } from '@bedring/domain/plan/plan';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

/**
 * Every entry, comment and lapse shows who wrote it (docs/domain/plans.md, CAP-15): the person themself, or a
 * named helper.
 */
export function WrittenByLine({
  writtenBy,
  author,
  at,
}: {
  writtenBy: WrittenBy;
  author: PlanAuthor;
  at: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const who =
    writtenBy === 'person'
      ? t('plan.writtenBy.person', { name: author.name })
      : t('plan.writtenBy.staff', { name: author.name, role: t(`roles.${author.role}`) });
  return (
    <p className="meta plan-written-by">
      {who} · {format.date(at)}
    </p>
  );
}
