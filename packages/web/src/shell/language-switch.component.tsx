import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n/i18n.ts';

/** One button that offers the other language, named in that language (Norsk bokmål ↔ English). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'nb' : 'en';
  return (
    <button
      type="button"
      className="button button--quiet language-switch"
      lang={other}
      onClick={() => setLanguage(currentLanguage() === 'en' ? 'nb' : 'en')}
    >
      <span aria-hidden="true" className="language-switch__icon">
        ⇄
      </span>{' '}
      {t('shell.otherLanguage')}
    </button>
  );
}
