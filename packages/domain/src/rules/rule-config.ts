/**
 * What is wrong with an administrator's configuration of a set of rules (feedback alerts, check-in
 * signals), one line each; none when it can be stored. A list of rules, each kind at most once,
 * `enabled` a boolean, and only the kind's own numbers, in range (whole where the rule counts). Numbers
 * of other kinds are refused rather than silently ignored, so a mistaken configuration is noticed.
 */
export interface RuleConfigSpec {
  kinds: readonly string[];
  /** The numbers each kind takes. */
  parameters: Readonly<Record<string, readonly string[]>>;
  ranges: Readonly<Record<string, { min: number; max: number }>>;
  /** Numbers that count something (days, responses) are whole. */
  whole: (parameter: string) => boolean;
}

export function ruleConfigProblems(rules: unknown, spec: RuleConfigSpec): string[] {
  if (!Array.isArray(rules)) return ['rules must be a list'];
  if (rules.length > spec.kinds.length * 4) return ['too many rules'];
  const problems: string[] = [];
  const seen = new Set<string>();
  rules.forEach((rule: unknown, i) => {
    const at = `rules[${i}]`;
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
      problems.push(`${at} must be an object`);
      return;
    }
    const r = rule as Record<string, unknown>;
    if (typeof r.kind !== 'string' || !spec.kinds.includes(r.kind)) {
      problems.push(`${at}.kind must be one of ${spec.kinds.join(', ')}`);
      return;
    }
    if (seen.has(r.kind)) problems.push(`${at}.kind ${r.kind} is given more than once`);
    seen.add(r.kind);
    if (typeof r.enabled !== 'boolean') problems.push(`${at}.enabled must be true or false`);
    const own = spec.parameters[r.kind] ?? [];
    for (const key of Object.keys(r)) {
      if (key === 'kind' || key === 'enabled') continue;
      const range = spec.ranges[key];
      if (!own.includes(key) || !range) {
        problems.push(`${at}.${key} does not apply to ${r.kind}`);
        continue;
      }
      const value = r[key];
      const whole = spec.whole(key);
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        value < range.min ||
        value > range.max ||
        (whole && !Number.isInteger(value))
      ) {
        problems.push(
          `${at}.${key} must be ${whole ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}`,
        );
      }
    }
  });
  return problems;
}
