import type { RelativeView } from '@bedring/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { useRelatives } from './relatives.resource.ts';

/**
 * What the record says about the person's children and relatives, on Min side in the person's words
 * (docs/decisions/0019-relatives-and-risk.md): the right to see what is recorded about oneself. The staff's
 * checklist words (what is not yet in place, barneansvarlig) stay on the person page; all of it is in "Mine
 * data". Nothing is shown when nothing is recorded, or while the list cannot be read.
 */
export function MyRelatives({ personId, id }: { personId: string; id: string }) {
  const { t } = useTranslation();
  const query = useRelatives(personId, true);
  const relatives = query.data?.relatives ?? [];
  if (relatives.length === 0) return null;
  const children = relatives.filter((r) => r.kind === 'child');
  const others = relatives.filter((r) => r.kind === 'relative');
  return (
    <section className="section relatives" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('relatives.mine.title')}</h2>
      <p className="section__intro">{t('relatives.mine.intro')}</p>
      {children.length > 0 && (
        <>
          <h3>{t('relatives.mine.children')}</h3>
          <ul className="relatives__list">
            {children.map((c) => (
              <MyChild key={c.id} child={c} />
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <h3>{t('relatives.mine.others')}</h3>
          <ul className="relatives__list">
            {others.map((r) => (
              <li key={r.id} className="relatives__item">
                <p className="relatives__name">
                  <strong>{r.name}</strong> · {t(`labels.relativeRoles.${r.role}`)}
                </p>
                <Agreed relative={r} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function MyChild({ child }: { child: RelativeView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const spoken =
    child.spokenWith === true
      ? child.spokenWithOn
        ? t('relatives.spokenOn', { date: format.calendarDate(child.spokenWithOn) })
        : t('relatives.yes')
      : child.spokenWith === false
        ? t('relatives.no')
        : t('relatives.notAsked');
  return (
    <li className="relatives__item">
      <p className="relatives__name">
        <strong>{child.name}</strong> · {t('relatives.age', { count: child.ageThisYear ?? 0 })}
      </p>
      <dl className="facts">
        {child.caredForBy && (
          <div>
            <dt>{t('relatives.mine.caredForBy')}</dt>
            <dd>{child.caredForBy}</dd>
          </div>
        )}
        <div>
          <dt>{t('relatives.mine.spokenWith')}</dt>
          <dd>{spoken}</dd>
        </div>
        {child.followUp && (
          <div>
            <dt>{t('relatives.mine.followUp')}</dt>
            <dd>{child.followUp}</dd>
          </div>
        )}
      </dl>
      <Agreed relative={child} />
    </li>
  );
}

/** What the person has agreed to for them, and the staff's note as written. */
function Agreed({ relative }: { relative: RelativeView }) {
  const { t } = useTranslation();
  const name = relative.name;
  return (
    <>
      <p>
        {relative.mayContact
          ? t('relatives.mine.mayContact', { name })
          : t('relatives.mine.mayNotContact', { name })}{' '}
        {relative.mayInform
          ? t('relatives.mine.mayInform', { name })
          : t('relatives.mine.mayNotInform', { name })}
      </p>
      {relative.note && (
        <p>
          {t('relatives.mine.note')}: {relative.note}
        </p>
      )}
      <p className="meta">{t('relatives.changedBy', { name: relative.changedBy })}</p>
    </>
  );
}
