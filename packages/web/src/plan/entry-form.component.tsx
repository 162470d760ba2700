import type { EntryUpdateBody, PlanEntryView, PlanSaveWarning } from '@bedring/contract';
import type { PlanKind, PlanSection } from '@bedring/domain/plan/plan';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { describedBy, Field } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { useClinicians } from '../pathway/directory.resource.ts';
import { ErrorMessage } from '../shell/status.component.tsx';
import { NetworkMemberField } from './network-member-field.component.tsx';
import { useAddEntry, useUpdateEntry } from './plan.resource.ts';
import type { Viewer } from './plan-permissions.ts';

/**
 * Adds one entry to a section, or changes one the viewer wrote (`entry`). A goal asks what success
 * means; a measure asks for an owner and dates (no evaluation date: the pathway's next evaluation
 * point; docs/domain/pathway.md, P-34); contacts ask for a phone number and may point at someone in the
 * network map.
 */
export function EntryForm({
  personId,
  kind,
  section,
  viewer,
  entry,
  onDone,
}: {
  personId: string;
  kind: PlanKind;
  section: PlanSection;
  viewer: Viewer;
  entry?: PlanEntryView;
  /** Called with the server's warnings after saving, with nothing on cancel. */
  onDone: (warnings?: PlanSaveWarning[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const add = useAddEntry(personId, kind);
  const update = useUpdateEntry(personId, kind);
  const save = entry ? update : add;
  const isMeasure = section === 'measure';
  const clinicians = useClinicians(isMeasure);
  const [text, setText] = useState(entry?.text ?? '');
  const [successMeans, setSuccessMeans] = useState(entry?.successMeans ?? '');
  const user = useUser();
  // A measure always has an owner (docs/domain/plans.md, CAP-02): the one writing it unless someone else is
  // chosen.
  const [owner, setOwner] = useState(entry?.ownerAccountId ?? user.id);
  const [dueOn, setDueOn] = useState(entry?.dueOn ?? '');
  const [evaluateOn, setEvaluateOn] = useState(entry?.evaluateOn ?? '');
  const [phone, setPhone] = useState(entry?.phone ?? '');
  const [beforeUse, setBeforeUse] = useState(entry?.contactBeforeUse ?? false);
  const [memberId, setMemberId] = useState(entry?.networkMemberId ?? '');
  const [missing, setMissing] = useState(false);
  const [dueMissing, setDueMissing] = useState(false);
  const hasPhone = section === 'contact' || section === 'contact-person';
  // The owner of a measure being changed may no longer be among the clinicians listed: keep them.
  const keptOwner = entry?.owner && entry.owner.id !== user.id ? entry.owner : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!text.trim());
    setDueMissing(isMeasure && !dueOn);
    if (!text.trim() || (isMeasure && !dueOn)) return;
    // Every field of the section, null when empty: a change sends the whole content again.
    const content: EntryUpdateBody = { text: text.trim() };
    if (section === 'goal') content.successMeans = successMeans.trim() || null;
    if (isMeasure) {
      content.ownerAccountId = owner || null;
      content.dueOn = dueOn || null;
      content.evaluateOn = evaluateOn || null;
    }
    if (hasPhone) {
      content.phone = phone.trim() || null;
      content.networkMemberId = memberId || null;
    }
    if (section === 'contact-person') content.contactBeforeUse = beforeUse;
    const done = (r: { warnings: PlanSaveWarning[] }) => onDone(r.warnings);
    if (entry) update.mutate({ entryId: entry.id, content }, { onSuccess: done });
    else add.mutate({ section, ...content }, { onSuccess: done });
  };

  const textLabel = t(`plan.sections.${section}.field${viewer === 'self' ? 'Self' : ''}`, {
    defaultValue: t(`plan.sections.${section}.field`),
  });
  return (
    <form className="form plan-entry-form" onSubmit={onSubmit} noValidate>
      <Field id={`${id}-text`} label={textLabel} error={missing ? t('plan.form.textMissing') : null}>
        <textarea
          {...describedBy(`${id}-text`, { error: missing ? t('plan.form.textMissing') : null })}
          rows={3}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
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
              {keptOwner && !clinicians.data?.some((s) => s.id === keptOwner.id) && (
                <option value={keptOwner.id}>{keptOwner.name ?? t('plan.entry.noOwner')}</option>
              )}
              {(clinicians.data ?? [])
                .filter((s) => s.id !== user.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </div>
          <Field
            id={`${id}-due`}
            label={t('plan.form.dueOn')}
            error={dueMissing ? t('plan.form.dueMissing') : null}
          >
            <input
              {...describedBy(`${id}-due`, { error: dueMissing ? t('plan.form.dueMissing') : null })}
              type="date"
              value={dueOn}
              onChange={(e) => setDueOn(e.target.value)}
            />
          </Field>
          {/* Only a new measure falls back to the pathway's next evaluation; a change keeps what is given. */}
          <Field
            id={`${id}-evaluate`}
            label={t('plan.form.evaluateOn')}
            hint={entry ? undefined : t('plan.form.evaluateOnHint')}
          >
            <input
              {...describedBy(`${id}-evaluate`, { hint: !entry })}
              type="date"
              value={evaluateOn}
              onChange={(e) => setEvaluateOn(e.target.value)}
            />
          </Field>
        </>
      )}
      {hasPhone && (
        <NetworkMemberField
          personId={personId}
          value={memberId}
          onChange={(member) => {
            setMemberId(member?.id ?? '');
            // Saves typing: the name and number are already in the network map.
            if (member && !text.trim()) setText(member.name);
            if (member?.phone && !phone.trim()) setPhone(member.phone);
          }}
        />
      )}
      {hasPhone && (
        <Field id={`${id}-phone`} label={t('plan.form.phone')} optional>
          <input
            id={`${id}-phone`}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            maxLength={40}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </Field>
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
      {isApiError(save.error, 400, 'entry_does_not_fit') ? (
        <p className="message message--error" role="alert">
          {t('plan.form.doesNotFit')}
        </p>
      ) : (
        save.isError && <ErrorMessage error={save.error} />
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {entry ? t('common.save') : t('plan.form.add')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
