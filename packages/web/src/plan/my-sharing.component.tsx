import { useTranslation } from 'react-i18next';
import { useConsents } from './plan.resource.ts';
import { ConsentParts } from './sharing.component.tsx';

/**
 * On Min side: the services the person has said yes to following them up (a handover's consent among them),
 * and what each may see of their plans — the person gives or changes that here themselves
 * (docs/decisions/0018-handover-and-self-admission.md). Shown only when there is a consent in force; when the
 * consents cannot be read (offline), Min side goes on without this section.
 */
export function MySharing({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const query = useConsents(personId);
  const active = query.data?.consents.filter((c) => c.active) ?? [];
  if (active.length === 0) return null;
  return (
    <section className="section sharing" id="my-sharing" aria-labelledby="my-sharing-title">
      <h2 id="my-sharing-title">{t('mySharing.title')}</h2>
      <p className="section__intro">{t('mySharing.intro')}</p>
      {active.map((c) => (
        <ConsentParts key={c.id} personId={personId} consent={c} editable />
      ))}
    </section>
  );
}
