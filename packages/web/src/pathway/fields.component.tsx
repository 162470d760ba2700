import { type ReactNode, useId } from 'react';

/** Small labelled form fields for the pathway forms: label, hint and error tied to the input. */

interface FieldProps {
  label: string;
  hint?: string;
  error?: string | null;
}

function describedBy(id: string, hint?: string, error?: string | null) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldText({ id, hint, error }: { id: string; hint?: string; error?: string | null }) {
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
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldText id={id} hint={hint} error={error} />
      <input
        id={id}
        type="date"
        className="input--date"
        value={value}
        min={min}
        max={max}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
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
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldText id={id} hint={hint} error={error} />
      <textarea
        id={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
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
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldText id={id} hint={hint} error={error} />
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
    </div>
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
    <fieldset className="choice-group" aria-describedby={describedBy(id, hint, error)}>
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

/** Error summary at the top of a form: what must be filled in before it can be saved. */
export function FormErrors({ title, errors }: { title: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="message message--error" role="alert">
      <p>{title}</p>
      <ul className="plain-list">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
