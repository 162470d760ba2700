import { all, first, isObject, str, type WithExtensions } from './fhir-json.ts';

export const TRANSLATION_EXT = 'http://hl7.org/fhir/StructureDefinition/translation';

export type Lang = 'nb' | 'en';

/** 'no' is the generic Norwegian tag some imported files use for bokmål. */
function langMatches(code: string | undefined, lang: Lang): boolean {
  if (!code) return false;
  const tag = code.toLowerCase();
  const wanted = lang === 'nb' ? ['nb', 'no'] : ['en'];
  return wanted.some((w) => tag === w || tag.startsWith(`${w}-`));
}

/**
 * The text in `lang` from the standard translation extension on a primitive's `_text`/`_display`/…
 * element; the primary text (bokmål in Bedring's files) when there is no translation.
 */
export function translated(text: string | undefined, element: WithExtensions, lang: Lang): string {
  const translation = all(element, TRANSLATION_EXT).find((t) =>
    langMatches(str(first(t, 'lang')?.valueCode), lang),
  );
  return str(first(translation, 'content')?.valueString) ?? str(text) ?? '';
}

/**
 * `translated` for a named primitive field of a FHIR object, reading its `_field` sibling, e.g.
 * `localized(item, 'text', 'en')`, `localized(option.valueCoding, 'display', 'en')`. The FHIR type
 * definitions have no `_field` properties, hence the loose parameter type.
 */
export function localized(owner: object | undefined, field: string, lang: Lang): string {
  const o = owner as Record<string, unknown> | undefined;
  if (!isObject(o)) return '';
  return translated(str(o[field]), o[`_${field}`] as WithExtensions, lang);
}
