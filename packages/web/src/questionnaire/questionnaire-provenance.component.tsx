import type { InstrumentDetail } from '@bedring/contract';
import type { Answerer } from '@bedring/domain/questionnaire/instrument';
import { useTranslation } from 'react-i18next';
import { langOf, localized } from './questionnaire-text.ts';

/**
 * "Om skjemaet" under a form: where the instrument comes from, on what terms it may be used, and whether
 * the Norwegian text is a validated translation (docs/domain/questionnaires.md, "Instruments and licences").
 */
export function Provenance({ instrument, audience }: { instrument: InstrumentDetail; audience: Answerer }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { provenance } = instrument;
  // The instrument's description is written for staff (scoring, cut-offs); the person reads the
  // instrument's own display items.
  const description = audience === 'staff' ? localized(instrument.questionnaire, 'description', lang) : '';
  if (!provenance.source && !provenance.licence) return null;
  return (
    <details className="q-provenance">
      <summary>{t('questionnaire.provenance.title')}</summary>
      {description && <p className="pre-line">{description}</p>}
      <dl className="facts facts--stacked">
        {provenance.source && (
          <div>
            <dt>{t('questionnaire.provenance.source')}</dt>
            <dd>{provenance.source}</dd>
          </div>
        )}
        {provenance.licence && (
          <div>
            <dt>{t('questionnaire.provenance.licence')}</dt>
            <dd>{provenance.licence}</dd>
          </div>
        )}
        <div>
          <dt>{t('questionnaire.provenance.translation')}</dt>
          <dd>
            {t(`questionnaire.provenance.translations.${provenance.translation}`)}
            {provenance.translationNote ? ` ${provenance.translationNote}` : ''}
          </dd>
        </div>
      </dl>
    </details>
  );
}
