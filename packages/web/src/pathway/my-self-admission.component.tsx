import type { SelfAdmissionContractView } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { ContractFacts } from './self-admission.component.tsx';
import { useSelfAdmissionContracts } from './self-admission.resource.ts';

/** Whether the person has an agreement to show: Min side names the section in its menu only then. */
export function useHasSelfAdmission(personId: string): boolean {
  const query = useSelfAdmissionContracts(personId);
  return (query.data?.contracts.length ?? 0) > 0;
}

/**
 * The person's own brukerstyrt-innleggelse agreement on Min side
 * (docs/decisions/0018-handover-and-self-admission.md), in their words: where they can come in, for how
 * long and how often, how many times they have used it, how to ask and whom to call (a tap to call). Staff
 * words (placements, who recorded what) are not shown. No agreement, no section: nothing is said about one
 * the person does not have.
 */
export function MySelfAdmission({ personId, id }: { personId: string; id: string }) {
  const { t } = useTranslation();
  const query = useSelfAdmissionContracts(personId);
  const contracts = query.data?.contracts ?? [];
  if (contracts.length === 0) return null;
  return (
    <section className="section self-admission" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('selfAdmission.titleSelf')}</h2>
      <p className="section__intro">{t('selfAdmission.introSelf')}</p>
      {inOrder(contracts).map((c) => (
        <div key={c.id} className="self-admission__contract">
          <ContractFacts contract={c} self />
        </div>
      ))}
    </section>
  );
}

/** The agreements in force first, then the others; newest first within each (as the server sends them). */
function inOrder(contracts: readonly SelfAdmissionContractView[]) {
  return [...contracts.filter((c) => c.inForce), ...contracts.filter((c) => !c.inForce)];
}
