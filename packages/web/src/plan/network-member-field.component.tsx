import type { NetworkMemberView } from '@bedring/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../form/field.component.tsx';
import { useNetwork } from './plan.resource.ts';

/**
 * Picks a contact from the network map (the person's own people; docs/domain/plans.md, CAP-05), so the crisis
 * plan and the map name the same person. Not shown when the map is empty or not shared with the viewer.
 */
export function NetworkMemberField({
  personId,
  value,
  onChange,
}: {
  personId: string;
  value: string;
  onChange: (member: NetworkMemberView | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const query = useNetwork(personId);
  const members = query.data?.members ?? [];
  if (members.length === 0 && !value) return null;
  // A linked member taken off the map since stays chosen until someone changes it.
  const gone = value !== '' && !members.some((m) => m.id === value);
  return (
    <Field id={`${id}-member`} label={t('plan.form.networkMember')} optional>
      <select
        id={`${id}-member`}
        value={value}
        onChange={(e) => onChange(members.find((m) => m.id === e.target.value) ?? null)}
      >
        <option value="">{t('plan.form.networkMemberNone')}</option>
        {gone && <option value={value}>{t('plan.form.networkMemberGone')}</option>}
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
