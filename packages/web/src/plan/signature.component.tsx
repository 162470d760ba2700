import type { PlanView } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage } from '../shell/status.component.tsx';
import { useSign } from './plan.resource.ts';
import { maySign } from './plan-permissions.ts';

/**
 * Whether the person has co-signed the plan as it is now. A signature of an earlier version is kept and
 * said so ("signerte en tidligere versjon"); only the person signs, and only the version they see.
 */
export function Signature({ personId, plan }: { personId: string; plan: PlanView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const sign = useSign(personId, plan.kind);
  if (plan.version === 0) return null;
  const current = plan.signatures.find((s) => s.current);
  const earlier = plan.signatures.filter((s) => !s.current).at(-1);
  return (
    <div className="plan-signature">
      <h3>{t('plan.signature.title')}</h3>
      {current ? (
        <p className="plan-signature__status plan-signature__status--signed">
          {t('plan.signature.signed', {
            name: current.signedBy.name,
            date: format.date(current.signedAt),
            version: current.version,
          })}
        </p>
      ) : earlier ? (
        <p className="plan-signature__status">
          {t('plan.signature.earlier', {
            name: earlier.signedBy.name,
            date: format.date(earlier.signedAt),
            version: earlier.version,
          })}
        </p>
      ) : (
        <p className="plan-signature__status">{t('plan.signature.none')}</p>
      )}
      {maySign(user) && !current && (
        <>
          <p className="hint">{t('plan.signature.hint', { version: plan.version })}</p>
          <button
            type="button"
            className="button button--primary"
            disabled={sign.isPending}
            onClick={() => sign.mutate(plan.version)}
          >
            {t('plan.signature.sign')}
          </button>
        </>
      )}
      {isApiError(sign.error, 409, 'plan_changed') ? (
        <p className="message message--warning" role="alert">
          {t('plan.signature.changed')}
        </p>
      ) : (
        sign.isError && <ErrorMessage error={sign.error} />
      )}
    </div>
  );
}
