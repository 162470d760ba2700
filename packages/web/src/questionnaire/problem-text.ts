import type { QuestionnaireItem } from '@medplum/fhirtypes';
import { useTranslation } from 'react-i18next';
import { langOf } from './questionnaire-text.ts';
import { boundsOf, type ResponseProblem } from './response-state.ts';

/**
 * A problem with an answer in plain words, for the field and the summary. The domain's codes are the
 * same on the server, so a problem the server finds reads the same as one found while typing.
 */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return (p: ResponseProblem, item: QuestionnaireItem | undefined): string => {
    const { min, max } = item ? boundsOf(item) : {};
    switch (p.code) {
      case 'required':
        return item?.type === 'group'
          ? t('questionnaire.problems.requiredGroup')
          : t('questionnaire.problems.required');
      case 'not-an-option':
        return t('questionnaire.problems.notAnOption');
      case 'out-of-range':
        if (min !== undefined && max !== undefined) return t('questionnaire.problems.between', { min, max });
        return t('questionnaire.problems.outOfRange');
      case 'too-long':
        return t('questionnaire.problems.tooLong', { max: item?.maxLength ?? 4000 });
      case 'wrong-type':
        return item?.type === 'integer'
          ? t('questionnaire.problems.integer')
          : item?.type === 'decimal'
            ? t('questionnaire.problems.decimal')
            : item?.type === 'date'
              ? t('questionnaire.problems.date')
              : t('questionnaire.problems.wrongType');
      default:
        // The domain's own words (bokmål); the renderer does not produce these shapes.
        return lang === 'nb' ? p.message : t('questionnaire.problems.other');
    }
  };
}
