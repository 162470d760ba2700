import type { InstrumentSummary, ResponseSummary, ScoreValue } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { bandByCode, bandLabel, formatNumber, langOf, scoreName, titleIn } from './questionnaire-text.ts';

/** A response's scores in words: "Sum: 12 av 27 – Moderat". */
export function ScoreList({
  scores,
  instrument,
}: {
  scores: ScoreValue[];
  instrument: InstrumentSummary | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  if (scores.length === 0) return null;
  return (
    <ul className="q-scores">
      {scores.map((s) => {
        const def = instrument?.scores.find((d) => d.linkId === s.linkId);
        const band = def ? bandByCode(def, s.bandCode) : null;
        return (
          <li key={s.linkId}>
            <span className="q-scores__name">{def ? scoreName(def, lang) : s.linkId}:</span>{' '}
            <strong>
              {def?.max != null
                ? t('questionnaire.scores.valueOfMax', {
                    value: formatNumber(s.value, lang),
                    max: formatNumber(def.max, lang),
                  })
                : formatNumber(s.value, lang)}
            </strong>
            {band && (
              <>
                {' – '}
                <span className={`band-label band-label--${band.level}`}>{bandLabel(band, lang)}</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Completed responses, newest first: what, when, who answered, and the scores. An in-progress response
 * of one's own can be continued.
 */
export function ResponseList({
  responses,
  library,
  onResume,
  headingLevel = 4,
  self = false,
}: {
  responses: ResponseSummary[];
  library: InstrumentSummary[];
  onResume?: (r: ResponseSummary) => void;
  headingLevel?: 3 | 4;
  /** On Min side: the person reads "answered by you", not "by the person". */
  self?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const format = useFormat();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ul className="q-responses">
      {responses.map((r) => (
        <li key={r.id} className={`q-response q-response--${r.status}`}>
          <Heading className="q-response__title">{titleIn(r, lang)}</Heading>
          <p className="meta q-response__meta">
            {r.status === 'completed'
              ? t('questionnaire.responses.completed', {
                  date: format.date(r.authoredAt),
                  who:
                    r.answeredBy !== 'person'
                      ? r.authorName
                      : self
                        ? t('questionnaire.responses.byYou')
                        : t('questionnaire.responses.byPerson'),
                })
              : t('questionnaire.responses.inProgress', { date: format.date(r.authoredAt) })}
          </p>
          {r.status === 'completed' && (
            <ScoreList scores={r.scores} instrument={library.find((i) => i.id === r.questionnaireId)} />
          )}
          {r.status === 'in-progress' && r.mine && onResume && (
            <button type="button" className="button button--secondary" onClick={() => onResume(r)}>
              {t('questionnaire.resume', { title: titleIn(r, lang) })}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
