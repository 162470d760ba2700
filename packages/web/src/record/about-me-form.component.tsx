import type { PersonOverview } from '@bedring/contract';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveAbout } from './person.resource.ts';

const MAX = 4000;

export function AboutMeForm({
  person,
  onSaved,
  onCancel,
}: {
  person: PersonOverview;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAbout(person.id);
  const [aboutMe, setAboutMe] = useState(person.aboutMe);
  const [strengths, setStrengths] = useState(person.strengths);
  const [failed, setFailed] = useState(false);
  const id = useId();
  const first = useRef<HTMLTextAreaElement>(null);

  useEffect(() => first.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFailed(false);
    save.mutate(
      { aboutMe: aboutMe.trim(), strengths: strengths.trim() },
      { onSuccess: onSaved, onError: () => setFailed(true) },
    );
  };

  return (
    <form className="form about-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-about`}>{t('about.aboutMeLabel')}</label>
        <p className="hint" id={`${id}-about-hint`}>
          {t('about.aboutMeHint')}
        </p>
        <textarea
          ref={first}
          id={`${id}-about`}
          rows={6}
          maxLength={MAX}
          value={aboutMe}
          aria-describedby={`${id}-about-hint`}
          onChange={(e) => setAboutMe(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-strengths`}>{t('about.strengthsLabel')}</label>
        <p className="hint" id={`${id}-strengths-hint`}>
          {t('about.strengthsHint')}
        </p>
        <textarea
          id={`${id}-strengths`}
          rows={4}
          maxLength={MAX}
          value={strengths}
          aria-describedby={`${id}-strengths-hint`}
          onChange={(e) => setStrengths(e.target.value)}
        />
      </div>
      {failed && (
        <p className="message message--error" role="alert">
          {t('errors.generic')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
