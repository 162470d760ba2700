import type { RecordOrganisation } from '@bedring/contract';
import { useTranslation } from 'react-i18next';

/** The organisations that take part in the person's care (TSB unit, municipality). */
export function Organisations({ organisations }: { organisations: readonly RecordOrganisation[] }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t('organisations.title')}</h2>
      {organisations.length === 0 ? (
        <p className="empty">{t('organisations.empty')}</p>
      ) : (
        <ul className="people">
          {organisations.map((o) => (
            <li key={o.id} className="people__item">
              <span className="people__name">{o.name}</span>
              <span className="meta">{t(`organisations.kind.${o.kind}`, { defaultValue: o.kind })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
