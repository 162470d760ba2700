import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CallLinks } from './call-links.component.tsx';
import { HelpNowButton } from './help-now-button.component.tsx';
import { HelpState } from './help-state.component.tsx';

/**
 * The first thing on Min side (docs/decisions/0015-help-requests.md): "Jeg trenger hjelp nå", the saved
 * crisis plan, tap-to-call numbers and what became of the latest help request. It needs nothing from the
 * server to show the button, the link and 113 / 116 117, so it is there at once, also offline (ADR 0008).
 */
export function Today({ personId, id }: { personId: string; id: string }) {
  const { t } = useTranslation();
  return (
    <section id={id} className="section today" aria-labelledby="today-title">
      <h2 id="today-title">{t('checkin.today.title')}</h2>
      <div className="today__actions">
        <HelpNowButton />
        <Link to="/min-side/kriseplan" className="button button--secondary">
          {t('checkin.today.crisisPlan')}
        </Link>
      </div>
      <HelpState personId={personId} />
      <CallLinks personId={personId} />
    </section>
  );
}
