import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.component.tsx';

/** The frame of pages seen before logging in: the name, the language switch, the content. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <span className="brand">
            <span className="brand__mark" aria-hidden="true" />
            {t('app.name')}
          </span>
          <div className="app-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page--narrow">
        {children}
      </main>
    </>
  );
}
