import { useTranslation } from 'react-i18next';
import { describedBy, Field } from '../form/field.component.tsx';
import { fieldId, parseNumber, type RuleState, type RulesConfig } from './rules-form.ts';

/**
 * One rule: on or off, its own numbers with the allowed range as hint, and a sentence saying what the
 * rule does with the numbers as they stand now.
 */
export function RuleFieldset({
  config,
  formId,
  kind,
  state,
  errors,
  onChange,
}: {
  config: RulesConfig;
  formId: string;
  kind: string;
  state: RuleState;
  /** Field messages by parameter. */
  errors: Record<string, string>;
  onChange: (next: RuleState) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'nb-NO';
  const base = `admin.${config.name}.kinds.${kind}`;
  const params = config.params[kind] ?? [];
  const id = `${formId}-${kind}`;
  return (
    <fieldset className="rule" aria-describedby={`${id}-sentence`}>
      <legend>{t(`${base}.title`)}</legend>
      <div className="checkbox">
        <input
          id={`${id}-enabled`}
          type="checkbox"
          checked={state.enabled}
          onChange={(e) => onChange({ ...state, enabled: e.target.checked })}
        />
        <label htmlFor={`${id}-enabled`}>{t('admin.rules.enabled')}</label>
      </div>
      {params.length > 0 && (
        <div className="form-row">
          {params.map((p) => {
            const fid = fieldId(formId, kind, p);
            const { min, max } = config.ranges[p] ?? { min: 0, max: 0 };
            const error = errors[p];
            return (
              <Field
                key={p}
                id={fid}
                label={t(`admin.${config.name}.params.${p}`)}
                hint={t(config.whole(p) ? 'admin.rules.rangeWhole' : 'admin.rules.range', { min, max })}
                error={error}
              >
                <input
                  {...describedBy(fid, { hint: true, error })}
                  type="text"
                  className="rule__number"
                  inputMode={config.whole(p) ? 'numeric' : 'decimal'}
                  autoComplete="off"
                  value={state.values[p] ?? ''}
                  onChange={(e) => onChange({ ...state, values: { ...state.values, [p]: e.target.value } })}
                />
              </Field>
            );
          })}
        </div>
      )}
      <p className="rule__sentence" id={`${id}-sentence`}>
        {t(`${base}.sentence`, sentenceParams(params, state, locale))}
        {!state.enabled && ` ${t('admin.rules.off')}`}
      </p>
    </fieldset>
  );
}

/** The numbers as typed for the sentence ("…" while not a number); `count` picks the plural form. */
function sentenceParams(params: readonly string[], state: RuleState, locale: string) {
  const out: Record<string, number | string> = {};
  let count = 0;
  for (const p of params) {
    const n = parseNumber(state.values[p] ?? '');
    out[p] = typeof n === 'number' ? n.toLocaleString(locale) : '…';
    if (typeof n === 'number') count = n;
  }
  return { ...out, count };
}
