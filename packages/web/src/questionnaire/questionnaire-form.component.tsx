import type { InstrumentDetail, ResponseStatus, SavedResponse } from '@bedring/contract';
import { enableWhenEvaluator } from '@bedring/domain/questionnaire/enable-when';
import type { Answerer } from '@bedring/domain/questionnaire/instrument';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { countAt, firstFieldOf, itemIndex, parentIndex, shorten } from './form-navigation.ts';
import { useProblemText } from './problem-text.ts';
import { useInstrument, useSaveResponse, useStoredResponse } from './questionnaire.resource.ts';
import { type FormContext, FormContextProvider, pathKey } from './questionnaire-form.context.ts';
import { ItemList } from './questionnaire-item.component.tsx';
import { Provenance } from './questionnaire-provenance.component.tsx';
import { Receipt } from './questionnaire-receipt.component.tsx';
import { langOf, localized, titleIn } from './questionnaire-text.ts';
import {
  addInstance,
  normalize,
  problemsOf,
  type ResponseProblem,
  type RItem,
  removeInstance,
  responseToSend,
  setAnswers,
} from './response-state.ts';

export interface QuestionnaireFormProps {
  personId: string;
  questionnaireId: string;
  /** A response saved before, to resume. */
  responseId?: string | null;
  /** The contact the answers belong to (session feedback after a conversation). */
  contactId?: string | null;
  /** Staff fill in with the person (in a contact); the person on Min side. */
  audience: Answerer;
  /** Saved to continue later: the caller closes the form and says so. */
  onSaved: (saved: SavedResponse) => void;
  /** Closed without saving, or closed after the receipt. */
  onClose: () => void;
}

/**
 * One renderer for every instrument, for staff and for the person: loads the instrument (and a response
 * to resume), then the form. Everything it knows about valid answers and skip logic is the domain's.
 */
export function QuestionnaireForm(props: QuestionnaireFormProps) {
  const instrument = useInstrument(props.questionnaireId);
  const stored = useStoredResponse(props.personId, props.responseId ?? null);
  if (instrument.isPending || (props.responseId && stored.isPending)) return <Loading />;
  if (instrument.isError)
    return <ErrorMessage error={instrument.error} onRetry={() => instrument.refetch()} />;
  if (stored.isError) return <ErrorMessage error={stored.error} onRetry={() => stored.refetch()} />;
  return (
    <FormBody
      {...props}
      instrument={instrument.data}
      initial={stored.data?.response.item ?? []}
      initialId={stored.data?.response.id ?? null}
    />
  );
}

type Outcome = { kind: 'receipt'; saved: SavedResponse } | null;

function FormBody({
  personId,
  contactId,
  audience,
  onSaved,
  onClose,
  instrument,
  initial,
  initialId,
}: QuestionnaireFormProps & { instrument: InstrumentDetail; initial: RItem[]; initialId: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const q = instrument.questionnaire;
  const save = useSaveResponse(personId);
  const [items, setItems] = useState<RItem[]>(() => normalize(q.item, initial));
  const [responseId, setResponseId] = useState<string | null>(initialId);
  /** After a try to send or save: the problems (live from then on) and the summary at the top. */
  const [attempt, setAttempt] = useState<ResponseStatus | null>(null);
  const [serverProblems, setServerProblems] = useState<ResponseProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [summaryShown, setSummaryShown] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusSummary, setFocusSummary] = useState(0);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (focusSummary > 0) summaryRef.current?.focus();
  }, [focusSummary]);

  const index = useMemo(() => itemIndex(q.item), [q.item]);
  const parents = useMemo(() => parentIndex(q.item), [q.item]);
  const evaluator = useMemo(() => enableWhenEvaluator(q, { item: items }), [q, items]);
  // Problems that exist whatever the status (a number that is not one, out of range, too long) show as
  // they arise; missing answers only after a try to send, and from then on live as they are fixed.
  const problems = useMemo(
    () => [...problemsOf(q, items, attempt === 'completed'), ...serverProblems],
    [q, items, attempt, serverProblems],
  );
  const byLinkId = useMemo(() => {
    const map = new Map<string, ResponseProblem[]>();
    for (const p of problems) map.set(p.linkId, [...(map.get(p.linkId) ?? []), p]);
    return map;
  }, [problems]);

  const problemText = useProblemText();

  const change = (next: RItem[]) => {
    setItems(next);
    setServerProblems([]);
    setFailure(null);
  };

  const ctx: FormContext = {
    items,
    evaluator,
    lang,
    idPrefix: `q${uid}`,
    problems: byLinkId,
    problemText: (p, item) => problemText(p, item),
    added,
    onAnswers: (path, answers) => change(setAnswers(q, items, path, answers)),
    onAdd: (parent, linkId) => {
      const count = countAt(items, parent, linkId);
      change(addInstance(q, items, parent, linkId));
      setAdded(pathKey([...parent, { linkId, index: count }]));
    },
    onRemove: (path) => change(removeInstance(q, items, path)),
  };

  const send = (status: ResponseStatus) => {
    setAttempt(status);
    setFailure(null);
    setServerProblems([]);
    const found = problemsOf(q, items, status === 'completed');
    if (found.length > 0) {
      // Nothing is sent until it fits: the summary says what to fix and takes the focus.
      setSummaryShown(true);
      setFocusSummary((n) => n + 1);
      return;
    }
    setSummaryShown(false);
    save.mutate(
      {
        responseId,
        questionnaireId: instrument.id,
        status,
        item: responseToSend(q, items),
        contactId: contactId ?? null,
      },
      {
        onSuccess: (saved) => {
          setResponseId(saved.id);
          if (status === 'completed') setOutcome({ kind: 'receipt', saved });
          else onSaved(saved);
        },
        onError: (err) => {
          if (isApiError(err, 400, 'response_does_not_fit')) {
            setServerProblems(
              err.details.flatMap((d) => {
                const detail = d as { field?: string; code?: string; message?: string };
                return [
                  {
                    linkId: detail.field ?? '',
                    code: (detail.code ?? 'structure') as ResponseProblem['code'],
                    message: detail.message ?? '',
                  },
                ];
              }),
            );
            setSummaryShown(true);
            setFocusSummary((n) => n + 1);
          } else if (isApiError(err, 409, 'response_completed'))
            setFailure(t('questionnaire.form.alreadySent'));
          else if (isApiError(err, 403)) setFailure(t('questionnaire.form.notAllowed'));
          else if (isApiError(err, 0)) setFailure(t('errors.network'));
          else setFailure(t('errors.generic'));
        },
      },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send('completed');
  };

  const title = localized(q, 'title', lang) || titleIn(instrument, lang);
  if (outcome) {
    return (
      <Receipt
        personId={personId}
        instrument={instrument}
        saved={outcome.saved}
        audience={audience}
        onClose={onClose}
      />
    );
  }

  const summary = summaryShown
    ? problems.map((p) => {
        const item = index.get(p.linkId);
        const question = item ? localized(item, 'text', lang) : '';
        return {
          key: `${p.linkId}:${p.code}`,
          target: firstFieldOf(items, index, parents, p.linkId, `q${uid}`),
          text: question ? `${shorten(question)} – ${problemText(p, item)}` : problemText(p, item),
        };
      })
    : [];
  const uniqueSummary = [...new Map(summary.map((s) => [s.key, s])).values()];

  return (
    <form className="form q-form" onSubmit={onSubmit} noValidate aria-labelledby={`q${uid}-title`}>
      <h3 id={`q${uid}-title`} tabIndex={-1} ref={headingRef} className="q-form__title">
        {title}
      </h3>
      <p className="hint">
        {audience === 'person' ? t('questionnaire.form.introPerson') : t('questionnaire.form.introStaff')}{' '}
        {t('questionnaire.form.requiredNote')}
      </p>
      <ErrorSummary
        title={
          attempt === 'completed' ? t('questionnaire.form.summaryTitle') : t('questionnaire.form.summarySave')
        }
        errors={uniqueSummary}
        ref={summaryRef}
      />
      <FormContextProvider value={ctx}>
        <ItemList qItems={q.item} level={items} parentPath={[]} responsePath={[]} headingLevel={4} />
      </FormContextProvider>
      {failure && (
        <p className="message message--error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions q-form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending && attempt === 'completed'
            ? t('questionnaire.form.sending')
            : t('questionnaire.form.submit')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={save.isPending}
          onClick={() => send('in-progress')}
        >
          {save.isPending && attempt === 'in-progress'
            ? t('common.saving')
            : t('questionnaire.form.saveLater')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      <Provenance instrument={instrument} audience={audience} />
    </form>
  );
}
