import type { AlertFinding } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useLibrary } from './questionnaire.resource.ts';
import { formatNumber, langOf, scoreName, titleIn } from './questionnaire-text.ts';

/**
 * The rule that raised an alert, in plain words with its values: the finding's i18n key and parameters
 * (feedback-alert.rules.ts), the score named as the instrument names it, numbers as the reader writes them.
 */
export function useAlertText() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const library = useLibrary();
  const nameOf = (code: string, fallback: string) => {
    for (const instrument of library.data?.questionnaires ?? []) {
      const score = instrument.scores.find((s) => s.code.code === code || s.linkId === code);
      if (score) return `${titleIn(instrument, lang)}: ${scoreName(score, lang).toLocaleLowerCase(lang)}`;
    }
    return fallback;
  };
  return (finding: AlertFinding, instrumentTitle: string): string => {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(finding.explanation.params)) {
      params[k] = typeof v === 'number' ? formatNumber(v, lang) : v;
    }
    params.score = nameOf(finding.scoreCode, instrumentTitle);
    const key = `questionnaire.${finding.explanation.key}`;
    return i18n.exists(key) ? t(key, params) : t('questionnaire.alert.unknown', params);
  };
}
