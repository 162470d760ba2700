import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../form/field.component.tsx';
import { useClinicians } from './directory.resource.ts';
import { useAssignResponsible } from './pathway.resource.ts';

/**
 * Choose the responsible clinician (behandlingsansvarlig): the episode's deadlines and re-engagement
 * tasks land in their lists, and they join the care team.
 */
export function ResponsibleForm({
  personId,
  episodeId,
  organisationId,
  currentId,
  onCancel,
  onSaved,
}: {
  personId: string;
  episodeId: string;
  organisationId: string;
  currentId: string | null;
  onCancel(): void;
  onSaved(name: string): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const staff = useClinicians(true);
  const assign = useAssignResponsible(personId, episodeId);
  const [accountId, setAccountId] = useState(currentId ?? '');
  const choices = (staff.data ?? []).filter((s) => s.organisationId === organisationId);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (accountId) assign.mutate({ accountId }, { onSuccess: (r) => onSaved(r.responsible.name) });
  };

  return (
    <form className="form pathway-form" onSubmit={submit} aria-labelledby={`${uid}-title`}>
      <h4 id={`${uid}-title`}>{t('pathway.responsibleForm.title')}</h4>
      <p className="hint">{t('pathway.responsibleForm.intro')}</p>
      <SelectField
        label={t('pathway.responsibleForm.who')}
        value={accountId}
        onChange={setAccountId}
        {...(staff.isPending ? { hint: t('common.loading') } : {})}
      >
        <option value="">{t('pathway.responsibleForm.choose')}</option>
        {choices.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      {assign.isError && (
        <p className="message message--error" role="alert">
          {t('errors.generic')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={assign.isPending || !accountId}>
          {assign.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
