import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useUnits } from './directory.resource.ts';
import { useSelfAdmissionNumbers } from './self-admission.resource.ts';

/**
 * The unit's brukerstyrt innleggelse this year, for its leader on Frister
 * (docs/decisions/0018-handover-and-self-admission.md, "Counted in the unit's numbers"): stays, planned days,
 * persons and agreements in force, from 1 January until today. Counts only, no person in them.
 */
export function SelfAdmissionNumbersCard({ unitId, today }: { unitId: string | null; today: string }) {
  const { t } = useTranslation();
  const from = `${today.slice(0, 4)}-01-01`;
  const numbers = useSelfAdmissionNumbers(unitId, from, today);
  const units = useUnits();
  const unit = units.data?.units.find((u) => u.id === (numbers.data?.unitId ?? unitId))?.name ?? '';
  return (
    <section className="section self-admission-numbers" aria-labelledby="self-admission-numbers-title">
      <h2 id="self-admission-numbers-title">{t('selfAdmission.numbers.title')}</h2>
      {numbers.isPending && <Loading />}
      {numbers.isError && <ErrorMessage error={numbers.error} onRetry={() => numbers.refetch()} />}
      {numbers.data && (
        <>
          <p className="section__intro">{t('selfAdmission.numbers.intro', { unit })}</p>
          <dl className="counts">
            <div className="count count--open">
              <dt>{t('selfAdmission.numbers.stays')}</dt>
              <dd>{numbers.data.stays}</dd>
            </div>
            <div className="count count--open">
              <dt>{t('selfAdmission.numbers.days')}</dt>
              <dd>{numbers.data.plannedDays}</dd>
            </div>
            <div className="count count--open">
              <dt>{t('selfAdmission.numbers.persons')}</dt>
              <dd>{numbers.data.persons}</dd>
            </div>
            <div className="count count--open">
              <dt>{t('selfAdmission.numbers.contracts')}</dt>
              <dd>{numbers.data.contracts}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
