import type { PlanStep } from '@bedring/contract';
import type { SignalFinding } from '@bedring/domain/checkin/signal.rules';
import { signalText } from '@bedring/domain/checkin/signal-text';
import { useTranslation } from 'react-i18next';

/**
 * What a check-in showed, said to the person in plain words, with what they themselves wrote in their
 * plan for such a moment: their own steps first, the helpers only told.
 */
export function SignalSteps({
  signals,
}: {
  signals: Array<Pick<SignalFinding, 'kind' | 'explanation'> & { steps: PlanStep[] }>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  if (signals.length === 0) return null;
  return (
    <section className="signal-steps" aria-labelledby="signal-steps-title">
      <h2 id="signal-steps-title">{t('checkin.signals.title')}</h2>
      <p>{t('checkin.signals.teamKnows')}</p>
      {signals.map((s) => (
        <div key={`${s.kind}-${JSON.stringify(s.explanation.params)}`} className="signal-steps__item">
          <p className="signal-steps__why">{signalText(s, lang)}</p>
          {s.steps.length === 0 ? (
            <p className="hint">{t('checkin.signals.noSteps')}</p>
          ) : (
            <>
              <p>{t('checkin.signals.yourSteps')}</p>
              <ul className="signal-steps__list">
                {s.steps.map((step) => (
                  <li key={step.id}>
                    {step.text}
                    {step.phone && (
                      <>
                        {' '}
                        <a href={`tel:${step.phone.replaceAll(' ', '')}`}>{step.phone}</a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
