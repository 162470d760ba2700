import type { NetworkMemberView } from '@bedring/contract';
import type { NetworkQuality } from '@bedring/domain/plan/plan';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Closer to the person the better the relation is now; lost contact is the outer ring. */
const RADIUS: Record<NetworkQuality, number> = {
  supportive: 95,
  strained: 130,
  risky: 150,
  'lost-contact': 170,
};
const CX = 240;
const CY = 210;

/** Where each member sits: evenly around the person, at the distance of their relation quality. */
export function layoutMembers(members: NetworkMemberView[]) {
  return members.map((m, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(members.length, 1);
    const r = RADIUS[m.quality];
    return { member: m, x: CX + r * Math.cos(angle), y: CY + r * Math.sin(angle), angle };
  });
}

/**
 * The network map as a picture (docs/domain/plans.md, CAP-05, M-12): the person in the centre, the people
 * around by how the relation is now (line style and colour, never colour alone). Screen readers hear a short
 * summary; the table beside it says everything the picture does, and is where the map is edited.
 */
export function NetworkMap({ members, centre }: { members: NetworkMemberView[]; centre: string }) {
  const { t } = useTranslation();
  const id = useId();
  const placed = layoutMembers(members);
  return (
    <figure className="network-map">
      <svg
        viewBox="0 0 480 420"
        className="network-map__svg"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{t('plan.network.mapTitle')}</title>
        <desc id={`${id}-desc`}>{t('plan.network.mapDesc', { count: members.length })}</desc>
        {placed.map(({ member, x, y }) => (
          <line
            key={`line-${member.id}`}
            x1={CX}
            y1={CY}
            x2={x}
            y2={y}
            className={`network-map__line network-map__line--${member.quality}`}
          />
        ))}
        <circle cx={CX} cy={CY} r={38} className="network-map__centre" />
        <text x={CX} y={CY + 5} textAnchor="middle" className="network-map__centre-label">
          {centre}
        </text>
        {placed.map(({ member, x, y, angle }) => {
          const below = Math.sin(angle) > 0.2;
          return (
            <g key={member.id} className={`network-map__node network-map__node--${member.quality}`}>
              <circle cx={x} cy={y} r={12} />
              <text x={x} y={below ? y + 28 : y - 18} textAnchor="middle" className="network-map__label">
                {member.name.length > 22 ? `${member.name.slice(0, 21)}…` : member.name}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="network-map__legend">
          {(['supportive', 'strained', 'risky', 'lost-contact'] as const).map((q) => (
            <li key={q}>
              <svg viewBox="0 0 40 12" className="network-map__key" aria-hidden="true" focusable="false">
                <line x1={0} y1={6} x2={40} y2={6} className={`network-map__line network-map__line--${q}`} />
              </svg>
              {t(`plan.network.qualities.${q}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
