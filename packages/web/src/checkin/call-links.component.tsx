import { EMERGENCY_NUMBERS, telHref } from '@bedring/domain';
import { useTranslation } from 'react-i18next';
import { usePlans } from '../plan/plan.resource.ts';

/**
 * Tap-to-call (docs/decisions/0015-help-requests.md; docs/domain/plans.md, M-08): 113 and legevakt 116 117
 * always — they are constants, shown even before anything is loaded or without a network — and the
 * person's own crisis contacts from the saved crisis plan (the phone's copy when offline, ADR 0008).
 */
export function CallLinks({ personId, level = 3 }: { personId: string; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { t } = useTranslation();
  const plans = usePlans(personId);
  const crisis = plans.data?.plans.find((p) => p.kind === 'crisis');
  const own = [
    ...(crisis?.networkContacts ?? []).map((c) => ({ id: c.id, name: c.name, phone: c.phone ?? '' })),
    ...(crisis?.entries ?? [])
      .filter((e) => !e.retired && e.phone)
      .map((e) => ({ id: e.id, name: e.text, phone: e.phone ?? '' })),
  ]
    .map((c) => ({ ...c, href: telHref(c.phone) }))
    .filter((c) => c.href !== null)
    .filter((c, i, all) => all.findIndex((o) => o.href === c.href) === i);
  return (
    <div className="call-links">
      <Heading>{t('checkin.call.title')}</Heading>
      <ul className="call-links__list">
        {EMERGENCY_NUMBERS.map((n) => (
          <li key={n.service}>
            <a className="call-links__link call-links__link--emergency" href={telHref(n.number) ?? undefined}>
              {t('checkin.call.number', {
                name: t(`plan.crisis.services.${n.service}`, { defaultValue: n.label }),
                number: n.number,
              })}
            </a>
          </li>
        ))}
        {own.map((c) => (
          <li key={c.id}>
            <a className="call-links__link" href={c.href ?? undefined}>
              {t('checkin.call.number', { name: c.name, number: c.phone })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
