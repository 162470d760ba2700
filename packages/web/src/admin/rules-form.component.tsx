import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { RuleFieldset } from './rule-fieldset.component.tsx';
import { type RulesPath, useRules, useSaveRules } from './rules.resource.ts';
import {
  detailMessages,
  type FormState,
  fieldId,
  formOf,
  type PlacedProblem,
  placeProblem,
  type RulesConfig,
  rulesOf,
  type StoredRule,
} from './rules-form.ts';

/** A section of the admin page with one set of rules: loaded from the server, changed, checked, saved. */
export function RulesSection({ config, path }: { config: RulesConfig; path: RulesPath }) {
  const { t } = useTranslation();
  const titleId = useId();
  const rules = useRules<StoredRule>(path);
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`admin.${config.name}.title`)}</h2>
      <p className="section__intro">{t(`admin.${config.name}.intro`)}</p>
      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <ErrorMessage error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <RulesForm
          config={config}
          path={path}
          initial={formOf(config, rules.data.rules, rules.data.defaults)}
          defaults={formOf(config, rules.data.defaults, rules.data.defaults)}
        />
      )}
    </section>
  );
}

function RulesForm({
  config,
  path,
  initial,
  defaults,
}: {
  config: RulesConfig;
  path: RulesPath;
  initial: FormState;
  defaults: FormState;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const [form, setForm] = useState(initial);
  const [tried, setTried] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'reset' | null>(null);
  const save = useSaveRules<StoredRule>(path);

  // The domain's check while typing (after the first try); the server's answer after a refused save.
  const serverProblems =
    save.isError && isApiError(save.error, 400) ? detailMessages(save.error.details) : [];
  const problems = [...(tried ? config.problems(rulesOf(config, form)) : []), ...serverProblems].map((p) =>
    placeProblem(config, p),
  );
  const message = (p: PlacedProblem) => {
    if (!p.param) return p.message;
    const { min, max } = config.ranges[p.param] ?? { min: 0, max: 0 };
    return t(config.whole(p.param) ? 'admin.rules.errorWhole' : 'admin.rules.error', { min, max });
  };
  const fieldErrors = (kind: string) => {
    const out: Record<string, string> = {};
    for (const p of problems) if (p.kind === kind && p.param && !out[p.param]) out[p.param] = message(p);
    return out;
  };
  const summary = [
    ...new Map(
      problems.map((p) => {
        const text =
          p.kind && p.param
            ? t('admin.rules.summaryLine', {
                rule: t(`admin.${config.name}.kinds.${p.kind}.title`),
                field: t(`admin.${config.name}.params.${p.param}`),
                message: message(p),
              })
            : p.message;
        const target = p.kind && p.param ? fieldId(formId, p.kind, p.param) : null;
        return [text, { text, target }] as const;
      }),
    ).values(),
  ];
  // A refused save (here or by the server) moves the focus to the summary.
  const summaryRef = useRef<HTMLDivElement>(null);
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) summaryRef.current?.focus();
  }, [refused]);

  const change = (next: FormState) => {
    setForm(next);
    setNotice(null);
    if (save.isError || save.isSuccess) save.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setNotice(null);
    const rules = rulesOf(config, form);
    if (config.problems(rules).length > 0) {
      setRefused((n) => n + 1);
      return;
    }
    save.mutate(rules, {
      onSuccess: (saved) => {
        setForm(formOf(config, saved.rules, saved.rules));
        setNotice('saved');
      },
      onError: () => setRefused((n) => n + 1),
    });
  };

  return (
    <form className="form rules-form" onSubmit={submit} noValidate>
      <ErrorSummary title={t('admin.rules.errorsTitle')} errors={summary} ref={summaryRef} />
      {config.kinds.map((kind) => (
        <RuleFieldset
          key={kind}
          config={config}
          formId={formId}
          kind={kind}
          state={form[kind] ?? { enabled: false, values: {} }}
          errors={fieldErrors(kind)}
          onChange={(next) => change({ ...form, [kind]: next })}
        />
      ))}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('admin.rules.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={save.isPending}
          onClick={() => {
            change(defaults);
            setNotice('reset');
          }}
        >
          {t('admin.rules.reset')}
        </button>
      </div>
      <div role="status">
        {notice && (
          <p className="message message--info">
            {t(notice === 'saved' ? 'admin.rules.saved' : 'admin.rules.resetNotice')}
          </p>
        )}
      </div>
      {save.isError && !isApiError(save.error, 400) && <ErrorMessage error={save.error} />}
    </form>
  );
}
