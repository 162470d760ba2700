import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccessLog } from '../access/access-log.component.tsx';
import { useUser } from '../auth/session.resource.ts';
import { useDocumentTitle } from '../shell/use-document-title.ts';

/**
 * /min-side/mine-data — "Mine data" (docs/api.md): everything about the person to download, as a
 * readable PDF and as FHIR data, and who has seen the record. The downloads are plain links: the
 * session cookie goes with them, and the server audits each one.
 */
export function MyDataPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const id = useId();
  useDocumentTitle(t('myData.title'));
  const personId = user.personId;
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  return (
    <div className="min-side my-data">
      <p className="breadcrumb">
        <Link to="/min-side">{t('myData.back')}</Link>
      </p>
      <h1>{t('myData.title')}</h1>
      <p className="lead">{t('myData.intro')}</p>
      {personId ? (
        <>
          <section className="section" aria-labelledby={`${id}-downloads`}>
            <h2 id={`${id}-downloads`}>{t('myData.downloadsTitle')}</h2>
            <p className="section__intro">{t('myData.downloadsIntro')}</p>
            <ul className="my-data__downloads">
              <li>
                <a
                  className="button button--primary"
                  href={`/api/persons/${encodeURIComponent(personId)}/export.pdf?lang=${lang}`}
                  download={lang === 'en' ? 'bedring-my-data.pdf' : 'bedring-mine-data.pdf'}
                  aria-describedby={`${id}-pdf`}
                >
                  {t('myData.pdf')}
                </a>
                <p id={`${id}-pdf`} className="meta">
                  {t('myData.pdfHint')}
                </p>
              </li>
              <li>
                <a
                  className="button button--secondary"
                  href={`/fhir/Patient/${encodeURIComponent(personId)}/$everything`}
                  download="bedring-fhir.json"
                  aria-describedby={`${id}-fhir`}
                >
                  {t('myData.fhir')}
                </a>
                <p id={`${id}-fhir`} className="meta">
                  {t('myData.fhirHint')}
                </p>
              </li>
            </ul>
          </section>
          <AccessLog personId={personId} />
        </>
      ) : (
        <p>{t('minSide.noRecord')}</p>
      )}
    </div>
  );
}
