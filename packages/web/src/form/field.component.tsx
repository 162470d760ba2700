import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The props that tie an input to its label, hint and error (aria-describedby, aria-invalid). */
export function describedBy(id: string, opts: { hint?: boolean; error?: string | undefined }) {
  const ids = [opts.hint ? `${id}-hint` : '', opts.error ? `${id}-error` : ''].filter(Boolean);
  return {
    id,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
    'aria-invalid': opts.error ? true : undefined,
  } as const;
}

/** A labelled field with an optional hint and an error, in that order (the GOV.UK pattern). */
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
  label: string;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> {t('work.optional')}</span>}
      </label>
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
      {children}
    </div>
  );
}

/** Every error of a submitted form at its top, each a link to its field; focused so it is heard at once. */
export function ErrorSummary({
  errors,
  ref,
}: {
  errors: { field: string; message: string }[];
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  return (
    <div className="message message--error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <strong>{t('work.errorSummary')}</strong>
      </p>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a
              href={`#${e.field}`}
              onClick={(ev) => {
                // Focus the field itself (the hash alone scrolls but leaves focus on the link).
                const target = document.getElementById(e.field);
                if (target) {
                  ev.preventDefault();
                  target.focus();
                }
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
