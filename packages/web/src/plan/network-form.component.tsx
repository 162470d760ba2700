import type { MemberBody, NetworkMemberView } from '@bedring/contract';
import type { PlanKind } from '@bedring/domain/plan/plan';
import { NetworkQualities, NetworkRelations, PlanKinds } from '@bedring/domain/plan/plan';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { describedBy, Field } from '../form/field.component.tsx';
import { ErrorMessage } from '../shell/status.component.tsx';
import { useAddMember, useUpdateMember } from './plan.resource.ts';
import { viewerOf } from './plan-permissions.ts';

const empty: MemberBody = {
  name: '',
  relation: 'friend',
  quality: 'supportive',
  crisisRole: '',
  phone: '',
  contactConsent: false,
  maySee: [],
  note: '',
};

/** Adds someone to the network, or changes them: relation, how it is now, crisis role, consent. */
export function NetworkForm({
  personId,
  member,
  onDone,
}: {
  personId: string;
  member?: NetworkMemberView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  // The plans by the names the reader knows them by: the person's own ("Min kriseplan") or the staff's.
  const self = viewerOf(useUser()) === 'self' ? 'Self' : '';
  const id = useId();
  const add = useAddMember(personId);
  const update = useUpdateMember(personId);
  const [v, setV] = useState<MemberBody>(
    member
      ? {
          name: member.name,
          relation: member.relation,
          quality: member.quality,
          crisisRole: member.crisisRole,
          phone: member.phone ?? '',
          contactConsent: member.contactConsent,
          maySee: member.maySee,
          note: member.note,
        }
      : empty,
  );
  const [missing, setMissing] = useState(false);
  const pending = add.isPending || update.isPending;
  const error = add.error ?? update.error;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!v.name.trim()) return setMissing(true);
    setMissing(false);
    const body: MemberBody = { ...v, name: v.name.trim(), phone: v.phone?.trim() || null };
    if (member) update.mutate({ id: member.id, body }, { onSuccess: onDone });
    else add.mutate(body, { onSuccess: onDone });
  };
  const toggleSee = (k: PlanKind) =>
    setV({ ...v, maySee: v.maySee.includes(k) ? v.maySee.filter((x) => x !== k) : [...v.maySee, k] });

  return (
    <form className="form network-form" onSubmit={onSubmit} noValidate>
      <Field
        id={`${id}-name`}
        label={t('plan.network.form.name')}
        error={missing ? t('plan.network.form.nameMissing') : null}
      >
        <input
          {...describedBy(`${id}-name`, { error: missing ? t('plan.network.form.nameMissing') : null })}
          maxLength={200}
          autoComplete="off"
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
        />
      </Field>
      <div className="field">
        <label htmlFor={`${id}-relation`}>{t('plan.network.form.relation')}</label>
        <select
          id={`${id}-relation`}
          value={v.relation}
          onChange={(e) => setV({ ...v, relation: e.target.value as MemberBody['relation'] })}
        >
          {NetworkRelations.map((r) => (
            <option key={r} value={r}>
              {t(`plan.network.relations.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('plan.network.form.quality')}</legend>
        {NetworkQualities.map((q) => (
          <div className="checkbox" key={q}>
            <input
              type="radio"
              id={`${id}-q-${q}`}
              name={`${id}-quality`}
              checked={v.quality === q}
              onChange={() => setV({ ...v, quality: q })}
            />
            <label htmlFor={`${id}-q-${q}`}>{t(`plan.network.qualities.${q}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-crisis`}>{t('plan.network.form.crisisRole')}</label>
        <p className="hint" id={`${id}-crisis-hint`}>
          {t('plan.network.form.crisisRoleHint')}
        </p>
        <input
          id={`${id}-crisis`}
          maxLength={1000}
          value={v.crisisRole ?? ''}
          onChange={(e) => setV({ ...v, crisisRole: e.target.value })}
          aria-describedby={`${id}-crisis-hint`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-phone`}>{t('plan.form.phone')}</label>
        <input
          id={`${id}-phone`}
          type="tel"
          maxLength={40}
          value={v.phone ?? ''}
          onChange={(e) => setV({ ...v, phone: e.target.value })}
        />
      </div>
      <div className="checkbox">
        <input
          id={`${id}-consent`}
          type="checkbox"
          checked={v.contactConsent}
          onChange={(e) => setV({ ...v, contactConsent: e.target.checked })}
        />
        <label htmlFor={`${id}-consent`}>{t('plan.network.form.contactConsent')}</label>
      </div>
      <fieldset>
        <legend>{t('plan.network.form.maySee')}</legend>
        {PlanKinds.map((k) => (
          <div className="checkbox" key={k}>
            <input
              type="checkbox"
              id={`${id}-see-${k}`}
              checked={v.maySee.includes(k)}
              onChange={() => toggleSee(k)}
            />
            <label htmlFor={`${id}-see-${k}`}>{t(`plan.kinds.${k}.title${self}`)}</label>
          </div>
        ))}
      </fieldset>
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {member ? t('common.save') : t('plan.network.form.add')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
