/**
 * The pure part of the rule forms: what the administrator typed, as the rule list the server stores,
 * and the domain's problems placed on the field they are about. The check itself is the domain's own
 * function, the same the server runs, so the page and the server never disagree.
 */

/** One kind of rules (feedback alerts or check-in signals): its kinds, their numbers and the check. */
export interface RulesConfig {
  /** i18n key under "admin" for this set of rules, e.g. "signalRules". */
  name: string;
  kinds: readonly string[];
  params: Readonly<Record<string, readonly string[]>>;
  ranges: Readonly<Record<string, { readonly min: number; readonly max: number }>>;
  /** Whether a parameter takes whole numbers only. */
  whole: (param: string) => boolean;
  problems: (rules: unknown) => string[];
}

export type StoredRule = { kind: string; enabled: boolean } & Record<string, unknown>;

export interface RuleState {
  enabled: boolean;
  /** As typed, per parameter. */
  values: Record<string, string>;
}
export type FormState = Record<string, RuleState>;

/**
 * The form for the stored rules. A kind missing from them is off (that is how the rules read them); a
 * missing number shows the default, which is what an enabled rule without it uses.
 */
export function formOf(config: RulesConfig, rules: readonly StoredRule[], defaults: readonly StoredRule[]) {
  const form: FormState = {};
  for (const kind of config.kinds) {
    const stored = rules.find((r) => r.kind === kind);
    const fallback = defaults.find((r) => r.kind === kind);
    const values: Record<string, string> = {};
    for (const p of config.params[kind] ?? []) {
      const n = stored?.[p] ?? fallback?.[p];
      values[p] = typeof n === 'number' ? String(n) : '';
    }
    form[kind] = { enabled: stored?.enabled === true, values };
  }
  return form;
}

/** "7", "2,5" or "2.5" is a number; anything else is left as typed, for the check to refuse. */
export function parseNumber(text: string): number | string {
  const t = text.trim();
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : t;
}

/** The rule list to check and store: every kind, in the config's order, with its own numbers. */
export function rulesOf(config: RulesConfig, form: FormState): StoredRule[] {
  return config.kinds.map((kind) => {
    const rule: StoredRule = { kind, enabled: form[kind]?.enabled ?? false };
    for (const p of config.params[kind] ?? []) rule[p] = parseNumber(form[kind]?.values[p] ?? '');
    return rule;
  });
}

export interface PlacedProblem {
  /** The kind and parameter the problem is about, when it is about one number. */
  kind?: string;
  param?: string;
  /** The domain's words (for problems that are not about one number). */
  message: string;
}

/** "rules[2].afterResponses must be …" is about the third kind's afterResponses field. */
export function placeProblem(config: RulesConfig, problem: string): PlacedProblem {
  const m = /^rules\[(\d+)\]\.(\w+)\b/.exec(problem);
  const kind = m ? config.kinds[Number(m[1])] : undefined;
  const param = m?.[2];
  if (kind && param && (config.params[kind] ?? []).includes(param)) return { kind, param, message: problem };
  return { message: problem };
}

/** Problem messages from a server answer's details ({message}), or none. */
export function detailMessages(details: readonly unknown[]): string[] {
  return details
    .map((d) => (typeof d === 'object' && d !== null ? (d as { message?: unknown }).message : undefined))
    .filter((m): m is string => typeof m === 'string');
}

export function fieldId(formId: string, kind: string, param: string) {
  return `${formId}-${kind}-${param}`;
}
