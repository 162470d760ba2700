import type { QuestionnaireItem } from '@medplum/fhirtypes';
import { fieldId, type ItemPath, type RItem } from './response-state.ts';

/*
 * Where things are in a rendered form: the items by linkId, which group each sits in, and the id of the
 * input a problem in the summary links to. The ids are those questionnaire-question renders with.
 */

/** Every item of the questionnaire by linkId (the first, if a linkId were repeated). */
export function itemIndex(items: QuestionnaireItem[] | undefined): Map<string, QuestionnaireItem> {
  const map = new Map<string, QuestionnaireItem>();
  const walk = (list: QuestionnaireItem[] | undefined) => {
    for (const item of list ?? []) {
      if (!map.has(item.linkId)) map.set(item.linkId, item);
      walk(item.item);
    }
  };
  walk(items);
  return map;
}

/** The enclosing item of each item, by linkId. */
export function parentIndex(items: QuestionnaireItem[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  const walk = (list: QuestionnaireItem[] | undefined, parent: string | null) => {
    for (const item of list ?? []) {
      if (parent && !map.has(item.linkId)) map.set(item.linkId, parent);
      walk(item.item, item.linkId);
    }
  };
  walk(items, null);
  return map;
}

export function countAt(items: readonly RItem[], parent: ItemPath, linkId: string): number {
  let level: readonly RItem[] = items;
  for (const step of parent) {
    const found = level.filter((r) => r.linkId === step.linkId)[step.index];
    level = found?.item ?? [];
  }
  return level.filter((r) => r.linkId === linkId).length;
}

/**
 * The id of the first input of an item, to link the summary to. Items in groups are looked up through
 * their first instance; the ids are those the items render with.
 */
export function firstFieldOf(
  items: readonly RItem[],
  index: Map<string, QuestionnaireItem>,
  parents: Map<string, string>,
  linkId: string,
  prefix: string,
): string {
  const chain: string[] = [];
  for (let at: string | undefined = linkId; at; at = parents.get(at)) chain.unshift(at);
  // In a repeating group, the first instance where the problem is: the one missing the answer.
  const path: { linkId: string; index: number }[] = [];
  let level: readonly RItem[] = items;
  for (const id of chain.slice(0, -1)) {
    const instances = level.filter((r) => r.linkId === id);
    const i = Math.max(
      0,
      instances.findIndex((inst) => !(inst.item ?? []).some((c) => c.linkId === linkId && c.answer?.length)),
    );
    path.push({ linkId: id, index: i });
    level = instances[i]?.item ?? [];
  }
  path.push({ linkId, index: 0 });
  const item = index.get(linkId);
  const id = fieldId(prefix, path);
  return item?.type === 'group' ? `${id}-error` : id;
}

export function shorten(text: string): string {
  return text.length > 90 ? `${text.slice(0, 87).trimEnd()} …` : text;
}
