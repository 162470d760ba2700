import type { QuestionnaireItem, QuestionnaireItemAnswerOption } from '@medplum/fhirtypes';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from './questionnaire-form.context.ts';
import { type Lang, localized } from './questionnaire-text.ts';
import {
  type Answer,
  answerKey,
  boundsOf,
  dateBoundsOf,
  fieldId,
  type ItemPath,
  numberAnswer,
  numberText,
  optionAnswer,
  problemIsHere,
  type ResponseProblem,
  type RItem,
  scaleOf,
} from './response-state.ts';

export function ProblemList({
  id,
  problems,
  item,
}: {
  id: string;
  problems: ResponseProblem[];
  item: QuestionnaireItem;
}) {
  const ctx = useForm();
  if (problems.length === 0) return null;
  return (
    <p className="field__error" id={id} tabIndex={-1}>
      {[...new Set(problems.map((p) => ctx.problemText(p, item)))].join(' ')}
    </p>
  );
}

function RequiredMark() {
  const { t } = useTranslation();
  return (
    <>
      <span className="q-required" aria-hidden="true">
        {' '}
        *
      </span>
      <span className="visually-hidden"> ({t('questionnaire.form.requiredShort')})</span>
    </>
  );
}

/** One question: its text as label or legend, a hint, its problems, and the input for its type. */
export function Question({
  item,
  path,
  r,
}: {
  item: QuestionnaireItem;
  path: ItemPath;
  r: RItem | undefined;
}) {
  const { t } = useTranslation();
  const ctx = useForm();
  const id = fieldId(ctx.idPrefix, path);
  const problems = (ctx.problems.get(item.linkId) ?? []).filter((p) => problemIsHere(p, r));
  const error = problems.length > 0;
  const label = (
    <>
      {item.prefix ? `${item.prefix} ` : ''}
      {localized(item, 'text', ctx.lang)}
      {item.required && <RequiredMark />}
    </>
  );
  const answers = r?.answer ?? [];
  const set = (next: Answer[]) => ctx.onAnswers(path, next);
  const errorId = `${id}-error`;
  const hint = hintOf(item);
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const problemText = <ProblemList id={errorId} problems={problems} item={item} />;
  const hintText = hint ? <Hint id={hintId} item={item} /> : null;
  const scale = scaleOf(item);

  if (item.type === 'choice' || item.type === 'open-choice' || item.type === 'boolean' || scale) {
    const options = choicesOf(item, ctx.lang, scale, [
      t('questionnaire.form.yes'),
      t('questionnaire.form.no'),
    ]);
    const multiple = item.type !== 'boolean' && !scale && item.repeats === true;
    const chosen = new Set(answers.map(answerKey));
    return (
      <fieldset className={`q-question${error ? ' q-question--error' : ''}`} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {hintText}
        {problemText}
        <div className={scale || item.type === 'boolean' ? 'q-choices q-choices--row' : 'q-choices'}>
          {options.map((o, i) => (
            <label key={o.key} className="q-choice">
              <input
                id={i === 0 ? id : undefined}
                type={multiple ? 'checkbox' : 'radio'}
                name={id}
                value={o.key}
                checked={chosen.has(o.key)}
                required={item.required && !multiple ? true : undefined}
                // The fieldset carries the message (aria-describedby); each choice says it is invalid.
                aria-invalid={error ? true : undefined}
                onChange={(e) => {
                  if (!multiple) set([o.answer]);
                  else if (e.target.checked) set([...answers, o.answer]);
                  else set(answers.filter((a) => answerKey(a) !== o.key));
                }}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
        {!item.required && !multiple && answers.length > 0 && <ClearAnswer onClear={() => set([])} />}
      </fieldset>
    );
  }

  const input = (() => {
    const common = {
      id,
      'aria-describedby': describedBy,
      'aria-invalid': error ? true : undefined,
      'aria-required': item.required ? true : undefined,
    } as const;
    switch (item.type) {
      case 'integer':
      case 'decimal':
        return (
          <NumberInput {...common} type={item.type} answer={answers[0]} lang={ctx.lang} onAnswer={set} />
        );
      case 'date': {
        const bounds = dateBoundsOf(item);
        return (
          <input
            {...common}
            type="date"
            className="q-date"
            value={answers[0]?.valueDate ?? ''}
            min={bounds.min}
            max={bounds.max}
            onChange={(e) => set(e.target.value ? [{ valueDate: e.target.value }] : [])}
          />
        );
      }
      case 'text':
        return (
          <textarea
            {...common}
            rows={4}
            maxLength={item.maxLength ?? 4000}
            value={answers[0]?.valueString ?? ''}
            onChange={(e) => set(e.target.value.trim() ? [{ valueString: e.target.value }] : [])}
          />
        );
      default:
        return (
          <input
            {...common}
            type="text"
            maxLength={item.maxLength ?? 4000}
            value={answers[0]?.valueString ?? ''}
            onChange={(e) => set(e.target.value.trim() ? [{ valueString: e.target.value }] : [])}
          />
        );
    }
  })();

  return (
    <div className={`field q-question${error ? ' q-question--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hintText}
      {problemText}
      {input}
    </div>
  );
}

/** What kind of answer a question wants, when its type alone does not say it plainly. */
function hintOf(item: QuestionnaireItem): 'range' | 'integer' | 'decimal' | 'date' | 'scale' | null {
  const { min, max } = boundsOf(item);
  if (scaleOf(item)) return 'scale';
  if ((item.type === 'integer' || item.type === 'decimal') && min !== undefined && max !== undefined)
    return 'range';
  if (item.type === 'integer') return 'integer';
  if (item.type === 'decimal') return 'decimal';
  return null;
}

function Hint({ id, item }: { id: string; item: QuestionnaireItem }) {
  const { t } = useTranslation();
  const kind = hintOf(item);
  const { min, max } = boundsOf(item);
  return (
    <p className="hint" id={id}>
      {t(`questionnaire.form.hints.${kind}`, { min, max })}
    </p>
  );
}

function ClearAnswer({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--quiet q-clear" onClick={onClear}>
      {t('questionnaire.form.clear')}
    </button>
  );
}

interface Choice {
  key: string;
  label: string;
  answer: Answer;
}

function choicesOf(
  item: QuestionnaireItem,
  lang: Lang,
  scale: number[] | null,
  [yes, no]: [string, string],
): Choice[] {
  if (scale) return scale.map((n) => ({ key: `i:${n}`, label: String(n), answer: { valueInteger: n } }));
  if (item.type === 'boolean') {
    return [
      { key: 'b:true', label: yes, answer: { valueBoolean: true } },
      { key: 'b:false', label: no, answer: { valueBoolean: false } },
    ];
  }
  return (item.answerOption ?? []).flatMap((option) => {
    const answer = optionAnswer(option);
    return answer ? [{ key: answerKey(option), label: optionLabel(option, lang), answer }] : [];
  });
}

function optionLabel(option: QuestionnaireItemAnswerOption, lang: Lang): string {
  if (option.valueCoding)
    return localized(option.valueCoding, 'display', lang) || (option.valueCoding.code ?? '');
  if (option.valueString !== undefined) return localized(option, 'valueString', lang);
  return String(option.valueInteger ?? option.valueDate ?? option.valueTime ?? '');
}

/**
 * A number as typed: kept as text while typing (so "1," on the way to "1,5" is not lost), handed on as
 * an answer each time; what is not a number becomes a problem the domain names.
 */
function NumberInput({
  type,
  answer,
  lang,
  onAnswer,
  ...rest
}: {
  id: string;
  type: 'integer' | 'decimal';
  answer: Answer | undefined;
  lang: Lang;
  onAnswer: (answers: Answer[]) => void;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}) {
  const [text, setText] = useState(() => numberText(answer, lang));
  const shown = numberText(answer, lang);
  // A change from outside (resume, clear) replaces what is typed; typing itself keeps its own form.
  const last = useRef(shown);
  useEffect(() => {
    if (shown !== last.current && numberText(numberAnswer(type, text) ?? undefined, lang) !== shown)
      setText(shown);
    last.current = shown;
  }, [shown, text, type, lang]);
  return (
    <input
      {...rest}
      type="text"
      inputMode={type === 'integer' ? 'numeric' : 'decimal'}
      autoComplete="off"
      className="q-number"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const a = numberAnswer(type, e.target.value);
        onAnswer(a ? [a] : []);
      }}
    />
  );
}
