import type { ChecklistView, LivingConditionsBeside } from '@bedring/contract';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { RatingBadge } from '../record/rating-badge.component.tsx';
import { useSaveChecklist } from './pathway.resource.ts';
import {
  type DischargeChecklist,
  type DischargeItem,
  DischargeItems,
  HelpNeeded,
  type HelpNeededAtDischarge,
  type ItemAnswer,
  readiness,
} from './pathway.ts';
import { useDischargeFacts } from './risk-assessment.resource.ts';

const Answers: ItemAnswer[] = ['yes', 'no', 'not-relevant'];

/**
 * "When treatment ends, my hardest job begins" (docs/domain/pathway.md, P-42): what is in place before the
 * person goes home.
 */
export function DischargeSummary({ checklist }: { checklist: ChecklistView | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!checklist) return <p className="empty">{t('pathway.discharge.notStarted')}</p>;
  const r = checklist.readiness;
  return (
    <>
      <p className={`readiness readiness--${r.ready ? 'ready' : 'gaps'}`}>
        {r.ready
          ? t('pathway.discharge.ready')
          : t('pathway.discharge.inPlace', { count: r.total - r.gaps.length, total: r.total })}
      </p>
      {
        <>
          <ul className="discharge-list">
            {DischargeItems.map((item) => {
              const entry = checklist.items[item];
              const answer = entry?.answer ?? null;
              return (
                <li
                  key={item}
                  className={`discharge-list__item discharge-list__item--${answer ?? 'unanswered'}`}
                >
                  <span className="discharge-list__answer">
                    {answer ? t(`pathway.answers.${answer}`) : t('pathway.discharge.unanswered')}
                  </span>
                  <span>
                    {t(`pathway.dischargeItems.${item}`)}
                    {entry?.note && <span className="discharge-list__note"> – {entry.note}</span>}
                  </span>
                </li>
              );
            })}
          </ul>
          <p>
            {t('pathway.eventForm.helpNeeded')}:{' '}
            {checklist.helpNeeded
              ? t(`pathway.helpNeeded.${checklist.helpNeeded}`)
              : t('pathway.discharge.helpNeededUnset')}
          </p>
          <p className="meta">
            {t('pathway.discharge.updatedBy', {
              name: checklist.updatedBy,
              date: format.dateTime(checklist.updatedAt),
            })}
          </p>
        </>
      }
    </>
  );
}

/**
 * The items, each yes / no / not relevant with a note, and the help needed at discharge. Beside an item, what
 * the record says about it (children and relatives listed, risk assessments made and shared): a hint to look
 * again, never an answer (docs/decisions/0019-relatives-and-risk.md).
 */
export function DischargeForm({
  personId,
  episodeId,
  checklist,
  onSaved,
  onCancel,
}: {
  personId: string;
  episodeId: string;
  checklist: ChecklistView | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveChecklist(personId, episodeId);
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [answers, setAnswers] = useState<Partial<Record<DischargeItem, ItemAnswer>>>(() =>
    Object.fromEntries(Object.entries(checklist?.items ?? {}).map(([k, v]) => [k, v.answer])),
  );
  const [notes, setNotes] = useState<Partial<Record<DischargeItem, string>>>(() =>
    Object.fromEntries(Object.entries(checklist?.items ?? {}).map(([k, v]) => [k, v.note])),
  );
  const [helpNeeded, setHelpNeeded] = useState<HelpNeededAtDischarge | ''>(checklist?.helpNeeded ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const hints = useDischargeFacts(personId, episodeId, true).data?.hints ?? [];

  useEffect(() => heading.current?.focus(), []);

  // Only answered items are sent; a note waits for its answer.
  const items: DischargeChecklist = Object.fromEntries(
    DischargeItems.flatMap((i) => {
      const answer = answers[i];
      return answer ? [[i, { answer, note: (notes[i] ?? '').trim() }]] : [];
    }),
  );
  const r = readiness(items);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    save.mutate(
      {
        items,
        ...(helpNeeded ? { helpNeeded } : {}),
      },
      {
        onSuccess: onSaved,
        onError: (err) => setFailure(isApiError(err, 403) ? t('pathway.notAllowed') : t('errors.generic')),
      },
    );
  };

  return (
    <form className="form pathway-form" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-title`}>
      <h4 id={`${uid}-title`} tabIndex={-1} ref={heading}>
        {t('pathway.discharge.formTitle')}
      </h4>
      <p className="hint">{t('pathway.discharge.formIntro')}</p>
      {DischargeItems.map((item) => {
        return (
          <fieldset key={item} className="checklist-field">
            <legend>{t(`pathway.dischargeItems.${item}`)}</legend>
            <div className="choices choices--inline">
              {Answers.map((a) => (
                <label key={a} className="choice">
                  <input
                    type="radio"
                    name={`${uid}-${item}`}
                    value={a}
                    checked={answers[item] === a}
                    onChange={() => setAnswers((s) => ({ ...s, [item]: a }))}
                  />
                  <span>{t(`pathway.answers.${a}`)}</span>
                </label>
              ))}
            </div>
            {hints
              .filter((h) => h.item === item)
              .map((h) => (
                <p key={h.code} className="hint discharge-hint">
                  {t(`labels.dischargeHints.${h.code}`)}
                </p>
              ))}
            <div className="field">
              <label htmlFor={`${uid}-${item}-note`}>{t('pathway.discharge.note')}</label>
              <input
                id={`${uid}-${item}-note`}
                type="text"
                maxLength={1000}
                value={notes[item] ?? ''}
                onChange={(e) => setNotes((s) => ({ ...s, [item]: e.target.value }))}
              />
            </div>
          </fieldset>
        );
      })}
      <SelectField
        label={t('pathway.eventForm.helpNeeded')}
        value={helpNeeded}
        onChange={(v) => setHelpNeeded(v as HelpNeededAtDischarge | '')}
      >
        <option value="">{t('pathway.eventForm.helpNeededUnset')}</option>
        {HelpNeeded.map((h) => (
          <option key={h} value={h}>
            {t(`pathway.helpNeeded.${h}`)}
          </option>
        ))}
      </SelectField>
      <p className={`readiness readiness--${r.ready ? 'ready' : 'gaps'}`} aria-live="polite">
        {r.ready
          ? t('pathway.discharge.ready')
          : t('pathway.discharge.inPlace', { count: r.total - r.gaps.length, total: r.total })}
      </p>
      {failure && (
        <p className="message message--error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('pathway.discharge.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The 8 living-condition domains at the start of the episode beside now (P-40). */
export function LivingBeside({ rows, ended }: { rows: LivingConditionsBeside[]; ended: boolean }) {
  const { t } = useTranslation();
  if (rows.every((row) => row.atStart === null && row.atEnd === null)) {
    return (
      <>
        <h5 className="living-beside__title">{t('pathway.living.title')}</h5>
        <p className="empty">{t('pathway.living.none')}</p>
      </>
    );
  }
  return (
    <div className="table-wrap">
      <table className="pathway-table living-beside">
        <caption>{t('pathway.living.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pathway.living.domain')}</th>
            <th scope="col">{t('pathway.living.atStart')}</th>
            <th scope="col">{ended ? t('pathway.living.atEnd') : t('pathway.living.now')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.domain}>
              <th scope="row">{t(`domains.${row.domain}`)}</th>
              <td>
                <RatingBadge rating={row.atStart} />
              </td>
              <td>
                <RatingBadge rating={row.atEnd} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
