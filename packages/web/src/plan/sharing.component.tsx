import type { ConsentList } from '@bedring/contract';
import type { PlanPart } from '@bedring/domain/plan/plan';
import { PlanParts } from '@bedring/domain/plan/plan';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { useFormat } from '../i18n/format.ts';
import { usePerson } from '../record/person.resource.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useConsents, useSetPlanParts } from './plan.resource.ts';
import { mayShare, viewerOf } from './plan-permissions.ts';

/**
 * What of the plans each consent opens to another organisation (docs/decisions/0006-plans.md). Nothing is
 * shared until the person says which parts; without it the other service sees nothing of the plans.
 */
export function Sharing({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const self = viewerOf(user) === 'self' ? 'Self' : '';
  const query = useConsents(personId);
  // The overview says which organisation holds the record; only the person and staff there may
  // change what is shared (the server refuses anyone else, 403 holder_only).
  const holder = usePerson(self ? '' : personId).data?.person.organisationId;
  const editable = mayShare(user, holder);
  return (
    <section className="section sharing" id="plan-sharing" aria-labelledby="plan-sharing-title">
      <h2 id="plan-sharing-title">{t(`plan.sharing.title${self}`)}</h2>
      <p className="section__intro">
        {t(self || editable ? `plan.sharing.intro${self}` : 'plan.sharing.introReadOnly')}
      </p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data && query.data.consents.length === 0 && <p className="empty">{t('plan.sharing.empty')}</p>}
      {query.data?.consents.map((c) => (
        <ConsentParts key={c.id} personId={personId} consent={c} editable={editable && c.active} />
      ))}
    </section>
  );
}

/**
 * What a consent is for, in words (docs/decisions/0018-handover-and-self-admission.md): a purpose recorded as a
 * code (e.g. "handover") is said in the reader's language; one written in words is shown as written.
 */
export function usePurposeText() {
  const { t, i18n } = useTranslation();
  return (purpose: string) => {
    const key = `consentPurposes.${purpose}`;
    return i18n.exists(key) ? t(key) : purpose;
  };
}

export function ConsentParts({
  personId,
  consent,
  editable,
}: {
  personId: string;
  consent: ConsentList['consents'][number];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const purposeText = usePurposeText();
  const save = useSetPlanParts(personId);
  // The parts by the names the reader knows them by: the person's own ("Nettverket mitt") or the staff's.
  const self = viewerOf(useUser()) === 'self' ? 'Self' : '';
  const [parts, setParts] = useState<PlanPart[]>(consent.planParts);
  const [saved, setSaved] = useState(false);
  const toggle = (p: PlanPart) => {
    setSaved(false);
    setParts(parts.includes(p) ? parts.filter((x) => x !== p) : [...parts, p]);
  };
  const partName = (p: PlanPart) =>
    t(p === 'network' ? `plan.network.title${self}` : `plan.kinds.${p}.title${self}`);
  return (
    <div className="consent">
      <h3>{consent.grantee.name}</h3>
      <p className="meta">
        {purposeText(consent.purpose)} · {t('plan.sharing.given', { date: format.date(consent.givenAt) })}
        {!consent.active && ` · ${t('plan.sharing.inactive')}`}
      </p>
      {editable ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ consentId: consent.id, planParts: parts }, { onSuccess: () => setSaved(true) });
          }}
        >
          <fieldset>
            <legend>{t('plan.sharing.legend', { name: consent.grantee.name })}</legend>
            {PlanParts.map((p) => (
              <div className="checkbox" key={p}>
                <input
                  type="checkbox"
                  id={`${id}-${p}`}
                  checked={parts.includes(p)}
                  onChange={() => toggle(p)}
                />
                <label htmlFor={`${id}-${p}`}>{partName(p)}</label>
              </div>
            ))}
          </fieldset>
          {save.isError && <ErrorMessage error={save.error} />}
          {saved && (
            <p className="message message--info" role="status">
              {t('plan.sharing.saved')}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button button--secondary" disabled={save.isPending}>
              {t('plan.sharing.save')}
            </button>
          </div>
        </form>
      ) : (
        <p>
          {consent.planParts.length === 0
            ? t('plan.sharing.nothing')
            : t('plan.sharing.parts', { list: consent.planParts.map(partName).join(', ') })}
        </p>
      )}
    </div>
  );
}
