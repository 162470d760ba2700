import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * "Jeg trenger hjelp nå" (docs/decisions/0007-checkins-and-signals.md): one tap. The request is made here,
 * with its own id, and carried in the page's history state, so the help page sends it once — and the same
 * request again if the page is reloaded, which the server counts as one.
 */
export function HelpNowButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="button help-now"
      onClick={() =>
        navigate('/min-side/hjelp', {
          state: { help: { id: crypto.randomUUID(), madeAt: new Date().toISOString() } },
        })
      }
    >
      {t('checkin.help.button')}
    </button>
  );
}
