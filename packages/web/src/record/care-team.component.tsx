import type { CareTeamMember } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

/** Who helps the person now: name, role, organisation, and since when. */
export function CareTeam({ team, title }: { team: CareTeamMember[]; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="section" aria-labelledby="team-title">
      <h2 id="team-title">{title}</h2>
      {team.length === 0 ? (
        <p className="empty">{t('team.empty')}</p>
      ) : (
        <ul className="people">
          {team.map((m) => (
            <li key={`${m.accountId}-${m.from}`} className="people__item">
              <span className="people__name">{m.name}</span>
              <span>
                {t(`roles.${m.role}`)}
                {/* "Kommunal oppfølging · Oppfølging i kommunen" would say the same thing twice. */}
                {m.role === 'municipal' && m.kind === 'follow-up' ? '' : ` · ${t(`relation.${m.kind}`)}`}
              </span>
              <span className="meta">
                {m.organisationName} · {t('team.since', { date: format.date(m.from) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
