import type { PersonOverview } from '@bedring/contract';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { AboutMeForm } from './about-me-form.component.tsx';

/**
 * "Om meg": the person's own words and strengths, shown before any rating or score, with who wrote
 * them and when (docs/domain/care-principles.md).
 */
export function AboutMe({ person, viewer }: { person: PersonOverview; viewer: 'staff' | 'self' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  const writer = person.aboutMeWrittenBy;
  const author =
    writer?.kind === 'person'
      ? viewer === 'self'
        ? t('about.byYou')
        : t('about.byPerson')
      : (writer?.name ?? null);
  const empty = !person.aboutMe.trim() && !person.strengths.trim();

  const close = (didSave: boolean) => {
    setEditing(false);
    setSaved(didSave);
    // The edit button returns after the form closes; focus it on the next frame.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <section className="section about" aria-labelledby="about-title">
      <h2 id="about-title">{t('about.title')}</h2>
      <p className="section__intro">{viewer === 'self' ? t('about.introSelf') : t('about.introStaff')}</p>
      {editing ? (
        <AboutMeForm person={person} onSaved={() => close(true)} onCancel={() => close(false)} />
      ) : (
        <>
          {empty ? (
            <p className="empty">{viewer === 'self' ? t('about.emptySelf') : t('about.emptyStaff')}</p>
          ) : (
            <div className="about__texts">
              <div className="about__text">
                <h3>{t('about.aboutMe')}</h3>
                <p className="own-words">{person.aboutMe.trim() || t('about.nothingYet')}</p>
              </div>
              <div className="about__text">
                <h3>{t('about.strengths')}</h3>
                <p className="own-words">{person.strengths.trim() || t('about.nothingYet')}</p>
              </div>
            </div>
          )}
          {person.aboutMeUpdatedAt && (
            <p className="meta">
              {author
                ? t('about.updatedBy', { name: author, date: format.date(person.aboutMeUpdatedAt) })
                : t('about.updated', { date: format.date(person.aboutMeUpdatedAt) })}
            </p>
          )}
          <p role="status" className="about__status">
            {saved ? t('about.saved') : ''}
          </p>
          {viewer === 'self' && (
            <button
              ref={editButton}
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {empty ? t('about.write') : t('about.edit')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
