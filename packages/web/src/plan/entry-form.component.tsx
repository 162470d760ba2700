import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { isApiError } from '../http/api-client.ts';
import { useClinicians } from '../pathway/pathway.resource.ts';
import { ErrorMessage } from '../shell/status.component.tsx';
import { useAddEntry } from './plan.resource.ts';
import type { NewEntry, PlanKind, PlanSection } from './plan.types.ts';
import type { Viewer } from './plan-permissions.ts';

/**
 * Adds one entry to a section. A goal asks what success means; a measure asks for an owner and dates
 * (no evaluation date: the pathway's next evaluation point, P-34); contacts ask for a phone number.
 */
export function EntryForm({
  personId,
  kind,
  section,
  viewer,
  onDone,
}: {
  personId: string;
  kind: PlanKind;
  section: PlanSection;
  viewer: Viewer;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const add = useAddEntry(personId, kind);
  const isMeasure = section === 'measure';
  const clinicians = useClinicians(isMeasure);
  const [text, setText] = useState('');
  const [successMeans, setSuccessMeans] = useState('');
  const user = useUser();
  // A measure always has an owner (CAP-02): the one writing it unless someone else is chosen.
  const [owner, setOwner] = useState(user.id);
  const [dueOn, setDueOn] = useState('');
  const [evaluateOn, setEvaluateOn] = useState('');
  const [phone, setPhone] = useState('');
  const [beforeUse, setBeforeUse] = useState(false);
  const [missing, setMissing] = useState(false);
  const [dueMissing, setDueMissing] = useState(false);
  const hasPhone = section === 'contact' || section === 'contact-person';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!text.trim());
    setDueMissing(isMeasure && !dueOn);
    if (!text.trim() || (isMeasure && !dueOn)) return;
    const body: NewEntry = { section, text: text.trim() };
    if (section === 'goal' && successMeans.trim()) body.successMeans = successMeans.trim();
    if (isMeasure) {
      if (owner) body.ownerAccountId = owner;
      if (dueOn) body.dueOn = dueOn;
      if (evaluateOn) body.evaluateOn = evaluateOn;
    }
    if (hasPhone && phone.trim()) body.phone = phone.trim();
    if (section === 'contact-person') body.contactBeforeUse = beforeUse;
    add.mutate(body, { onSuccess: onDone });
  };

  const textLabel = t(`plan.sections.${section}.field${viewer === 'self' ? 'Self' : ''}`, {
    defaultValue: t(`plan.sections.${section}.field`),
  });
  return (
    <form className="form plan-entry-form" onSubmit={onSubmit} noValidate>
      <div className={`field${missing ? ' field--error' : ''}`}>
        <label htmlFor={`${id}-text`}>{textLabel}</label>
        {missing && (
          <p className="field__error" id={`${id}-error`}>
            {t('plan.form.textMissing')}
          </p>
        )}
        <textarea
          id={`${id}-text`}
          rows={3}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
        />
      </div>
      {section === 'goal' && (
        <div className="field">
          <label htmlFor={`${id}-success`}>{t('plan.form.successMeans')}</label>
          <p className="hint" id={`${id}-success-hint`}>
            {t('plan.form.successMeansHint')}
          </p>
          <textarea
            id={`${id}-success`}
            rows={2}
            maxLength={4000}
            value={successMeans}
            onChange={(e) => setSuccessMeans(e.target.value)}
            aria-describedby={`${id}-success-hint`}
          />
        </div>
      )}
      {isMeasure && (
        <>
          <div className="field">
            <label htmlFor={`${id}-owner`}>{t('plan.form.owner')}</label>
            <select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value={user.id}>{t('plan.form.ownerNone')}</option>
              {(clinicians.data ?? [])
                .filter((s) => s.id !== user.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </div>
          <div className={`field${dueMissing ? ' field--error' : ''}`}>
            <label htmlFor={`${id}-due`}>{t('plan.form.dueOn')}</label>
            {dueMissing && (
              <p className="field__error" id={`${id}-due-error`}>
                {t('plan.form.dueMissing')}
              </p>
            )}
            <input
              id={`${id}-due`}
              type="date"
              value={dueOn}
              onChange={(e) => setDueOn(e.target.value)}
              aria-invalid={dueMissing || undefined}
              aria-describedby={dueMissing ? `${id}-due-error` : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-evaluate`}>{t('plan.form.evaluateOn')}</label>
            <p className="hint" id={`${id}-evaluate-hint`}>
              {t('plan.form.evaluateOnHint')}
            </p>
            <input
              id={`${id}-evaluate`}
              type="date"
              value={evaluateOn}
              onChange={(e) => setEvaluateOn(e.target.value)}
              aria-describedby={`${id}-evaluate-hint`}
            />
          </div>
        </>
      )}
      {hasPhone && (
        <div className="field">
          <label htmlFor={`${id}-phone`}>
            {t('plan.form.phone')} <span className="field__optional">{t('work.optional')}</span>
          </label>
          <input
            id={`${id}-phone`}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            maxLength={40}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </div>
      )}
      {section === 'contact-person' && (
        <div className="checkbox">
          <input
            id={`${id}-before`}
            type="checkbox"
            checked={beforeUse}
            onChange={(e) => setBeforeUse(e.target.checked)}
          />
          <label htmlFor={`${id}-before`}>{t('plan.form.contactBeforeUse')}</label>
        </div>
      )}
      {isApiError(add.error, 400, 'entry_does_not_fit') ? (
        <p className="message message--error" role="alert">
          {t('plan.form.doesNotFit')}
        </p>
      ) : (
        add.isError && <ErrorMessage error={add.error} />
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {t('plan.form.add')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
