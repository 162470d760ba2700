import type { PersonOverview } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { DomainCard } from './domain-card.component.tsx';

/** The 8 living-condition domains as a grid, with how many are rated ("5 av 8 vurdert"; never required). */
export function LivingConditions({
  person,
  canRate,
  title,
  intro,
}: {
  person: PersonOverview;
  canRate: boolean;
  title: string;
  intro?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="living-title">
      <div className="section__head">
        <h2 id="living-title">{title}</h2>
        <p className="completeness">
          {t('living.completeness', { rated: person.completeness.rated, of: person.completeness.of })}
        </p>
      </div>
      {intro && <p className="section__intro">{intro}</p>}
      <div className="domain-grid">
        {person.livingConditions.map((lc) => (
          <DomainCard
            key={lc.domain}
            personId={person.id}
            domain={lc.domain}
            current={lc.current}
            canRate={canRate}
          />
        ))}
      </div>
    </section>
  );
}
