import { Trans, useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { FeedbackRules } from './feedback-rules.component.tsx';
import { SignalRules } from './signal-rules.component.tsx';

/**
 * Administrators run the system and see no clinical data; accounts are managed on the server, the
 * organisation's alert and signal rules here.
 */
export function AdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.noClinicalData')}</p>
      <section className="section" aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t('admin.accountsTitle')}</h2>
        <p>
          <Trans i18nKey="admin.accountsBody" components={{ code: <code /> }} />
        </p>
        <dl className="commands">
          <dt>{t('admin.add')}</dt>
          <dd>
            <code>
              bedring user add &lt;username&gt; --role &lt;role&gt; --name "…" --organisation &lt;org-id&gt;
            </code>
          </dd>
          <dt>{t('admin.passwd')}</dt>
          <dd>
            <code>bedring user passwd &lt;username&gt;</code>
          </dd>
          <dt>{t('admin.disable')}</dt>
          <dd>
            <code>bedring user disable &lt;username&gt;</code>
          </dd>
          <dt>{t('admin.dutyContact')}</dt>
          <dd>
            <code>bedring user duty-contact &lt;username&gt; on|off</code>
          </dd>
        </dl>
        <p>{t('admin.more')}</p>
      </section>
      <FeedbackRules />
      <SignalRules />
    </>
  );
}
