import { useTranslation } from 'react-i18next';
import type { Match, Recommendation } from './pathway.ts';

/**
 * The level-of-care recommendation explained: the level, the rule in plain words, and which dimensions
 * drove it with their rating — our own visible rules, never a black box (level-of-care.rules.ts).
 */
export function RecommendationExplained({
  recommendation,
  ratings,
  provisional,
}: {
  recommendation: Recommendation;
  ratings: Partial<Record<string, { now: number | null }>>;
  provisional?: { rated: number; of: number };
}) {
  const { t } = useTranslation();
  const drivers = recommendation.drivers;
  return (
    <div className="recommendation__body">
      <p className="recommendation__level">
        {provisional ? t('pathway.assessment.provisional') : t('pathway.assessment.recommended')}{' '}
        <strong>{t(`pathway.levels.${recommendation.level}`)}</strong>
      </p>
      {provisional && (
        <p className="hint">
          {t('pathway.assessment.provisionalHint', { rated: provisional.rated, of: provisional.of })}
        </p>
      )}
      <p>
        <span className="recommendation__label">{t('pathway.assessment.rule')}</span>{' '}
        {t(`pathway.rules.${recommendation.rule}`)}
      </p>
      <p>
        <span className="recommendation__label">{t('pathway.assessment.drivers')}</span>{' '}
        {drivers.length === 0
          ? t('pathway.assessment.noDrivers')
          : drivers
              .map((d) =>
                t('pathway.assessment.driver', {
                  dimension: t(`pathway.dimensions.${d}.name`),
                  now: ratings[d]?.now ?? 0,
                }),
              )
              .join(', ')}
      </p>
    </div>
  );
}

/** "Mer intensivt enn anbefalt (overmatching)" … */
export function MatchText({ match }: { match: Match }) {
  const { t } = useTranslation();
  return <>{t(`pathway.match.${match}`)}</>;
}
