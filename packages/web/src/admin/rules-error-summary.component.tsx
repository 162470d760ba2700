import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What stops the rules from being saved, at the top of the form: each line a link to its field when it
 * is about one number. Focused when shown after a save, so a screen reader says it at once (the same
 * pattern as the questionnaire and referral forms).
 */
export function RulesErrorSummary({
  errors,
  ref,
}: {
  errors: { target: string | null; text: string }[];
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="message message--error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <strong>{t('admin.rules.errorsTitle')}</strong>
      </p>
      <ul>
        {errors.map((e) => (
          <li key={e.text}>
            {e.target ? (
              <a
                href={`#${e.target}`}
                onClick={(ev) => {
                  // Focus the field itself (the hash alone scrolls but leaves focus on the link).
                  const field = e.target ? document.getElementById(e.target) : null;
                  if (field) {
                    ev.preventDefault();
                    field.focus();
                  }
                }}
              >
                {e.text}
              </a>
            ) : (
              e.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
