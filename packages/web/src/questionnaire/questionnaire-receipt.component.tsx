import type { InstrumentDetail, SavedResponse } from '@bedring/contract';
import type { Answerer } from '@bedring/domain/questionnaire/instrument';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlertText } from './alert-text.ts';
import { usePersonAlerts } from './questionnaire.resource.ts';
import { bandLabel, formatNumber, langOf, scoreName, titleIn } from './questionnaire-text.ts';

/**
 * After sending: a plain-words receipt. The scores with their band, when the person may see them (staff
 * always); for staff also the alerts the answers raised, with the rule in words.
 */
export function Receipt({
  personId,
  instrument,
  saved,
  audience,
  onClose,
}: {
  personId: string;
  instrument: InstrumentDetail;
  saved: SavedResponse;
  audience: Answerer;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const showScores = audience === 'staff' || instrument.settings.visibleToPerson;
  const staff = audience === 'staff';
  const alerts = usePersonAlerts(personId, staff && saved.alerts.length > 0);
  const alertText = useAlertText();
  const raised = (alerts.data?.alerts ?? []).filter((a) => saved.alerts.some((s) => s.id === a.id));

  return (
    <div className="q-receipt" role="status" tabIndex={-1} ref={ref} aria-labelledby="q-receipt-title">
      <h3 id="q-receipt-title">{t('questionnaire.receipt.title', { title: titleIn(instrument, lang) })}</h3>
      <p>{staff ? t('questionnaire.receipt.savedStaff') : t('questionnaire.receipt.savedPerson')}</p>
      {showScores && saved.scores.length > 0 && (
        <ul className="q-scores">
          {saved.scores.map((s) => {
            const def = instrument.scores.find((d) => d.linkId === s.linkId);
            const name = def ? scoreName(def, lang) : s.display;
            return (
              <li key={s.linkId}>
                <span className="q-scores__name">{name}:</span>{' '}
                <strong>
                  {def?.max != null
                    ? t('questionnaire.scores.valueOfMax', {
                        value: formatNumber(s.value, lang),
                        max: formatNumber(def.max, lang),
                      })
                    : formatNumber(s.value, lang)}
                </strong>
                {s.band && (
                  <>
                    {' – '}
                    <span className={`band-label band-label--${s.band.level}`}>
                      {bandLabel(s.band, lang)}
                    </span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!staff && <p>{t('questionnaire.receipt.helpersSee')}</p>}
      {staff && saved.alerts.length > 0 && (
        <div className="message message--warning">
          <p>
            <strong>{t('questionnaire.receipt.alerts', { count: saved.alerts.length })}</strong>
          </p>
          <ul className="plain-list">
            {raised.map((a) => (
              <li key={a.id}>{alertText(a.finding, titleIn(a, lang))}</li>
            ))}
          </ul>
          <p>{t('questionnaire.receipt.alertsHint')}</p>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('questionnaire.receipt.close')}
        </button>
      </div>
    </div>
  );
}
