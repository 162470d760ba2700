import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** One line of the summary: its text, and the id of the field it is about when there is one. */
export interface SummaryLine {
  text: string;
  target?: string | null;
  /** Unique among the lines; the text when not given. */
  key?: string;
}

/**
 * What stops a form from being saved, at its top: each line a link to its field when it is about one.
 * role=alert so it is heard when it appears; a form that moves focus to it after a refused submit
 * passes a ref (it takes focus, not the tab order).
 */
export function ErrorSummary({
  title,
  errors,
  ref,
}: {
  title?: string;
  errors: readonly (string | SummaryLine)[];
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  const lines = errors.map((e) => (typeof e === 'string' ? { text: e } : e));
  return (
    <div className="message message--error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <strong>{title ?? t('common.errorSummary')}</strong>
      </p>
      <ul>
        {lines.map((e) => (
          <li key={e.key ?? e.text}>{e.target ? <FieldLink target={e.target} text={e.text} /> : e.text}</li>
        ))}
      </ul>
    </div>
  );
}

function FieldLink({ target, text }: { target: string; text: string }) {
  return (
    <a
      href={`#${target}`}
      onClick={(ev) => {
        // Focus the field itself (the hash alone scrolls but leaves focus on the link).
        const field = document.getElementById(target);
        if (field) {
          ev.preventDefault();
          field.focus();
        }
      }}
    >
      {text}
    </a>
  );
}
