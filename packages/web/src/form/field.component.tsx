import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one form field kit: a label, an optional hint and an error, in that order (the GOV.UK pattern),
 * each tied to its input by aria-describedby, and aria-invalid while there is an error.
 */

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

function describedByIds(id: string, hint: boolean, error: string | null | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The props that tie an input to its label, hint and error. */
export function describedBy(id: string, opts: { hint?: boolean; error?: string | null | undefined }) {
  return {
    id,
    'aria-describedby': describedByIds(id, opts.hint ?? false, opts.error),
    'aria-invalid': opts.error ? true : undefined,
  } as const;
}

/** A labelled field around its input; the input takes `describedBy(id, …)`. */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  optional?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> {t('common.optional')}</span>}
      </label>
      <FieldText id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** The hint and the error of a field or a group, with the ids `describedBy` points at. */
export function FieldText({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: ReactNode;
  error?: string | null | undefined;
}) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string | null;
}

export function DateField({
  label,
  hint,
  error,
  value,
  onChange,
  min,
  max,
  required,
}: FieldProps & {
  value: string;
  onChange: (v: string) => void;
  min?: string;
  max?: string;
  required?: boolean;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        {...describedBy(id, { hint: Boolean(hint), error })}
        type="date"
        className="input--date"
        value={value}
        min={min}
        max={max}
        required={required}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  value,
  onChange,
  rows = 3,
  maxLength = 2000,
  required,
}: FieldProps & {
  value: string;
  onChange: (v: string) => void;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        {...describedBy(id, { hint: Boolean(hint), error })}
        rows={rows}
        maxLength={maxLength}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

export function SelectField({
  label,
  hint,
  error,
  value,
  onChange,
  children,
}: FieldProps & { value: string; onChange: (v: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        {...describedBy(id, { hint: Boolean(hint), error })}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
    </Field>
  );
}

/** A group of radio buttons with a legend; options are [value, label] pairs. */
export function RadioGroup<T extends string>({
  legend,
  hint,
  error,
  name,
  value,
  options,
  onChange,
  inline,
}: {
  legend: string;
  hint?: string;
  error?: string | null;
  name: string;
  value: T | null;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
  inline?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="choice-group" aria-describedby={describedByIds(id, Boolean(hint), error)}>
      <legend>{legend}</legend>
      <FieldText id={id} hint={hint} error={error} />
      <div className={inline ? 'choices choices--inline' : 'choices'}>
        {options.map(([v, label]) => (
          <label key={v} className="choice">
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
