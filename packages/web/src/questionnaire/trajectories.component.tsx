import { useTranslation } from 'react-i18next';
import { isApiError } from '../http/api-client.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useTrajectories } from './questionnaire.resource.ts';
import { TrajectoryChart } from './trajectory-chart.component.tsx';

/** One chart per score that has answers; the person sees only what the server returns to them. */
export function Trajectories({
  personId,
  headingId,
  self = false,
}: {
  personId: string;
  headingId: string;
  self?: boolean;
}) {
  const { t } = useTranslation();
  const query = useTrajectories(personId);
  if (query.isError && isApiError(query.error, 403)) return null;
  const list = query.data?.trajectories ?? [];
  return (
    <section className="q-block" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {self ? t('questionnaire.trajectory.titleSelf') : t('questionnaire.trajectory.title')}
      </h3>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data && list.length === 0 && (
        <p className="empty">
          {self ? t('questionnaire.trajectory.noneSelf') : t('questionnaire.trajectory.none')}
        </p>
      )}
      {list.length > 0 && (
        <div className="trajectories">
          {list.map((tr) => (
            <TrajectoryChart
              key={`${tr.questionnaireId}-${tr.score.linkId}`}
              trajectory={tr}
              headingLevel={4}
            />
          ))}
        </div>
      )}
    </section>
  );
}
