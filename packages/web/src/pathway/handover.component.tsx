import type { HandoverView, JournalPage, TaskView } from '@bedring/contract';
import { type PlanPart, PlanParts } from '@bedring/domain/plan/plan';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import { DateField, SelectField, TextAreaField } from '../form/field.component.tsx';
import { api, isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { personKey } from '../record/person.resource.ts';
import { useMunicipalStaff } from './directory.resource.ts';
import { useHandover } from './pathway.resource.ts';

/**
 * The handover to the municipality (docs/domain/pathway.md, P-42, P-44): to a named worker, under the
 * person's consent, with a task that stays open until the first municipal contact has actually happened.
 * It shares what it says it shares (docs/decisions/0018-handover-and-self-admission.md): the plan parts
 * ticked are opened to the municipality in the same step, and the journal notes ticked go with it.
 */

/** A plan part by the name the plans give it. */
function usePartName() {
  const { t } = useTranslation();
  return (p: PlanPart) => t(p === 'network' ? 'plan.network.title' : `plan.kinds.${p}.title`);
}

/** The person's signed journal notes, newest first (the first page): those a handover can carry. */
function useSignedNotes(personId: string) {
  return useQuery({
    queryKey: [...personKey(personId), 'journal', 'signed'],
    queryFn: () => api<JournalPage>(`/api/persons/${encodeURIComponent(personId)}/journal?limit=25`),
    select: (page) => page.notes.filter((n) => n.status === 'signed'),
  });
}
export function HandoverFacts({ handover, task }: { handover: HandoverView; task: TaskView | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const partName = usePartName();
  const date = format.calendarDate;
  const status = handover.firstContactOn
    ? t('pathway.handover.firstContact', { date: date(handover.firstContactOn) })
    : task?.status === 'escalated'
      ? t('pathway.handover.escalated', { date: date(task.escalateOn) })
      : t('pathway.handover.waiting', { date: task ? date(task.escalateOn) : '' });
  return (
    <>
      <p
        className={`handover-status handover-status--${handover.firstContactOn ? 'done' : (task?.status ?? 'open')}`}
      >
        {status}
      </p>
      <dl className="facts facts--stacked">
        <div>
          <dt>{t('pathway.handover.worker')}</dt>
          <dd>{handover.municipalWorker.name}</dd>
        </div>
        <div>
          <dt>{t('pathway.handover.handedOverOn')}</dt>
          <dd>
            {date(handover.handedOverOn)} ({t('pathway.handover.by', { name: handover.createdBy })})
          </dd>
        </div>
        <div>
          <dt>{t('pathway.handover.summary')}</dt>
          <dd className="pre-line">{handover.summary}</dd>
        </div>
        <div>
          <dt>{t('pathway.handover.plan')}</dt>
          <dd className="pre-line">{handover.followUpPlan}</dd>
        </div>
        <div>
          <dt>{t('plan.sharing.title')}</dt>
          <dd className="handover-parts">
            {handover.planParts.length > 0
              ? t('handover.planParts.shared', { list: handover.planParts.map(partName).join(', ') })
              : t('handover.planParts.none')}
          </dd>
        </div>
        {handover.notes.length > 0 && (
          <div>
            <dt>{t('handover.notes.title')}</dt>
            <dd>
              <ul className="handover-notes">
                {handover.notes.map((n) => (
                  <li key={n.id}>
                    <span className="meta">
                      {format.date(n.contactAt)} – {n.authorName}
                    </span>
                    <p className="pre-line">{n.text}</p>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}

export function HandoverForm({
  personId,
  episodeId,
  today,
  onSaved,
  onCancel,
}: {
  personId: string;
  episodeId: string;
  today: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const staff = useMunicipalStaff(true);
  const handover = useHandover(personId, episodeId);
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [worker, setWorker] = useState('');
  const [handedOverOn, setHandedOverOn] = useState(today);
  const [summary, setSummary] = useState('');
  const [plan, setPlan] = useState('');
  const [givenOn, setGivenOn] = useState(today);
  const [expiresOn, setExpiresOn] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [planParts, setPlanParts] = useState<PlanPart[]>([]);
  const [noteIds, setNoteIds] = useState<string[]>([]);
  const notes = useSignedNotes(personId);
  const partName = usePartName();
  const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => heading.current?.focus(), []);

  const chosen = staff.data?.staff.find((s) => s.id === worker);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!worker) p.worker = t('pathway.handover.errors.worker');
    if (!handedOverOn || handedOverOn > today) p.handedOverOn = t('pathway.eventForm.errors.future');
    if (!summary.trim()) p.summary = t('pathway.handover.errors.summary');
    if (!plan.trim()) p.plan = t('pathway.handover.errors.plan');
    if (!givenOn || givenOn > today) p.givenOn = t('pathway.handover.errors.givenOn');
    if (expiresOn && givenOn && expiresOn <= givenOn) p.expiresOn = t('pathway.handover.errors.expiresOn');
    if (!agreed) p.agreed = t('pathway.handover.errors.agreed');
    setErrors(p);
    setFailure(null);
    if (Object.keys(p).length > 0) return;
    handover.mutate(
      {
        municipalAccountId: worker,
        handedOverOn,
        summary: summary.trim(),
        followUpPlan: plan.trim(),
        consent: { givenOn, ...(expiresOn ? { expiresOn } : {}) },
        planParts,
        journalNoteIds: noteIds,
      },
      {
        onSuccess: onSaved,
        onError: (err) =>
          setFailure(
            isApiError(err, 409, 'handover_exists')
              ? t('pathway.handover.errors.exists')
              : isApiError(err, 400)
                ? err.message
                : isApiError(err, 403)
                  ? t('pathway.notAllowed')
                  : t('errors.generic'),
          ),
      },
    );
  };

  return (
    <form className="form pathway-form" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-title`}>
      <h4 id={`${uid}-title`} tabIndex={-1} ref={heading}>
        {t('pathway.handover.formTitle')}
      </h4>
      <p className="hint">{t('pathway.handover.formIntro')}</p>
      <ErrorSummary title={t('pathway.form.fix')} errors={Object.values(errors)} />
      <SelectField
        label={t('pathway.handover.worker')}
        value={worker}
        onChange={setWorker}
        error={errors.worker}
        {...(staff.isPending ? { hint: t('common.loading') } : {})}
      >
        <option value="">{t('pathway.handover.chooseWorker')}</option>
        {staff.data?.staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} – {s.organisationName}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t('pathway.handover.handedOverOn')}
        value={handedOverOn}
        onChange={setHandedOverOn}
        max={today}
        error={errors.handedOverOn}
        required
      />
      <TextAreaField
        label={t('pathway.handover.summary')}
        hint={t('pathway.handover.summaryHint')}
        value={summary}
        onChange={setSummary}
        rows={4}
        maxLength={8000}
        error={errors.summary}
        required
      />
      <TextAreaField
        label={t('pathway.handover.plan')}
        hint={t('pathway.handover.planHint')}
        value={plan}
        onChange={setPlan}
        rows={4}
        maxLength={8000}
        error={errors.plan}
        required
      />
      <fieldset className="consent">
        <legend>{t('pathway.handover.consentTitle')}</legend>
        <div className="form-row">
          <DateField
            label={t('pathway.handover.givenOn')}
            value={givenOn}
            onChange={setGivenOn}
            max={today}
            error={errors.givenOn}
            required
          />
          <DateField
            label={t('pathway.handover.expiresOn')}
            hint={t('pathway.handover.expiresHint')}
            value={expiresOn}
            onChange={setExpiresOn}
            min={givenOn}
            error={errors.expiresOn}
          />
        </div>
        <div className="checkbox checkbox--top">
          <input
            id={`${uid}-agreed`}
            type="checkbox"
            checked={agreed}
            aria-invalid={errors.agreed ? true : undefined}
            onChange={(e) => setAgreed(e.target.checked)}
          />
          <label htmlFor={`${uid}-agreed`}>
            {t('pathway.handover.agreed', {
              worker: chosen
                ? `${chosen.name} (${chosen.organisationName})`
                : t('pathway.handover.theWorker'),
              date: givenOn ? format.calendarDate(givenOn) : '',
            })}
            {expiresOn && ` ${t('pathway.handover.until', { date: format.calendarDate(expiresOn) })}`}
          </label>
        </div>
        <fieldset className="handover-parts">
          <legend>{t('handover.planParts.legend')}</legend>
          <p className="hint">{t('handover.planParts.hint')}</p>
          {PlanParts.map((p) => (
            <div className="checkbox" key={p}>
              <input
                id={`${uid}-part-${p}`}
                type="checkbox"
                checked={planParts.includes(p)}
                onChange={() => setPlanParts(toggle(planParts, p))}
              />
              <label htmlFor={`${uid}-part-${p}`}>{partName(p)}</label>
            </div>
          ))}
        </fieldset>
      </fieldset>
      <fieldset className="handover-notes">
        <legend>{t('handover.notes.legend')}</legend>
        <p className="hint">{t('handover.notes.hint')}</p>
        {notes.data?.length === 0 && <p className="empty">{t('handover.notes.none')}</p>}
        {notes.data?.map((n) => (
          <div className="checkbox checkbox--top" key={n.id}>
            <input
              id={`${uid}-note-${n.id}`}
              type="checkbox"
              checked={noteIds.includes(n.id)}
              onChange={() => setNoteIds(toggle(noteIds, n.id))}
            />
            <label htmlFor={`${uid}-note-${n.id}`}>
              {t('handover.notes.option', {
                date: format.date(n.contactAt),
                author: n.author.name,
                text: n.text.length > 120 ? `${n.text.slice(0, 120)}…` : n.text,
              })}
            </label>
          </div>
        ))}
      </fieldset>
      {failure && (
        <p className="message message--error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={handover.isPending}>
          {handover.isPending ? t('common.saving') : t('pathway.handover.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
