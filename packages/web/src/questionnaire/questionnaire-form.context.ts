import type { EnableWhenEvaluator } from '@bedring/domain/questionnaire/enable-when';
import type { QuestionnaireItem } from '@medplum/fhirtypes';
import { createContext, useContext } from 'react';
import type { Lang } from './questionnaire-text.ts';
import type { Answer, ItemPath, ResponseProblem, RItem } from './response-state.ts';

/** What every item of one form needs: the state, skip logic, the problems to show and the changes. */
export interface FormContext {
  items: readonly RItem[];
  evaluator: EnableWhenEvaluator;
  lang: Lang;
  idPrefix: string;
  problems: ReadonlyMap<string, ResponseProblem[]>;
  problemText: (problem: ResponseProblem, item: QuestionnaireItem) => string;
  /** The path of the group instance just added, to move focus there. */
  added: string | null;
  onAnswers: (path: ItemPath, answers: Answer[]) => void;
  onAdd: (parent: ItemPath, linkId: string) => void;
  onRemove: (path: ItemPath) => void;
}

const Context = createContext<FormContext | null>(null);
export const FormContextProvider = Context.Provider;

export function useForm(): FormContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('questionnaire items outside a form');
  return ctx;
}

/** A group instance's place, as a key (to find the instance just added). */
export const pathKey = (path: ItemPath) => path.map((s) => `${s.linkId}#${s.index}`).join('/');
