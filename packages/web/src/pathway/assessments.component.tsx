import type { AssessmentView } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { Dimensions } from './pathway.ts';
import { RecommendationExplained } from './recommendation.component.tsx';

/**
 * Past assessments, newest first: the person's goals first, then the recommendation explained, the level
 * chosen (and why, when it differs), and the change per dimension since the one before
 * (docs/domain/pathway.md, M-01: repeated).
 */
export function Assessments({ assessments }: { assessments: AssessmentView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (assessments.length === 0) return <p className="empty">{t('pathway.assessment.none')}</p>;
  return (
    <ol className="assessment-list" aria-label={t('pathway.assessment.listTitle')}>
      {[...assessments].reverse().map((a) => {
        const changed = a.change?.filter((c) => c.change !== 0) ?? [];
        return (
          <li key={a.id} className="assessment-list__item">
            <h5>{t('pathway.assessment.itemTitle', { date: format.calendarDate(a.assessedOn) })}</h5>
            <p className="meta">{t('pathway.assessment.by', { name: a.assessedBy.name })}</p>
            <dl className="facts facts--stacked">
              <div>
                <dt>{t('pathway.assessment.goals')}</dt>
                <dd className="own-words">{a.personGoals}</dd>
              </div>
              {a.personResources && (
                <div>
                  <dt>{t('pathway.assessment.resources')}</dt>
                  <dd className="own-words">{a.personResources}</dd>
                </div>
              )}
            </dl>
            <RecommendationExplained recommendation={a.recommendation} ratings={a.ratings} />
            <p>
              <span className="recommendation__label">{t('pathway.assessment.chosenShort')}</span>{' '}
              <strong>{t(`pathway.levels.${a.chosenLevel}`)}</strong> – {t(`pathway.match.${a.match}`)}
            </p>
            {a.matchReason && (
              <p>
                <span className="recommendation__label">{t('pathway.assessment.reasonShort')}</span>{' '}
                {a.matchReason}
              </p>
            )}
            {a.change && (
              <div className="assessment-list__change">
                <h6>{t('pathway.assessment.changeTitle')}</h6>
                {changed.length === 0 ? (
                  <p>{t('pathway.assessment.noChange')}</p>
                ) : (
                  <ul className="change-list">
                    {changed.map((c) => (
                      <li key={c.dimension}>
                        {t(`pathway.dimensions.${c.dimension}.name`)} {c.before} → {c.after}{' '}
                        <span className="meta">
                          ({c.change < 0 ? t('pathway.assessment.lower') : t('pathway.assessment.higher')})
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            <details className="assessment-list__ratings">
              <summary>{t('pathway.assessment.showRatings')}</summary>
              <div className="table-wrap">
                <table className="pathway-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('pathway.assessment.dimension')}</th>
                      <th scope="col">{t('pathway.assessment.now')}</th>
                      <th scope="col">{t('pathway.assessment.historyShort')}</th>
                      <th scope="col">{t('pathway.assessment.rationale')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Dimensions.map((d) => (
                      <tr key={d}>
                        <th scope="row">{t(`pathway.dimensions.${d}.name`)}</th>
                        <td>{a.ratings[d].now}</td>
                        <td>{a.ratings[d].history ?? '–'}</td>
                        <td>{a.ratings[d].rationale}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {a.opioidDependence && <p>{t('pathway.assessment.opioidYes')}</p>}
            </details>
          </li>
        );
      })}
    </ol>
  );
}
