import type { RelativeBody, RelativeView } from '@bedring/contract';
import { type RelativeKind, type RelativeRole, RelativeRoles } from '@bedring/domain/record/relatives.rules';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import {
  DateField,
  describedBy,
  Field,
  RadioGroup,
  SelectField,
  TextAreaField,
} from '../form/field.component.tsx';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useRelatives, useSaveRelative } from './relatives.resource.ts';

/** Who reads and who records the list (server: record/relatives.routes.ts, RelativesAccess). */
const READERS = ['leader', 'clinician', 'milieu', 'municipal'];
const WRITERS = ['leader', 'clinician', 'milieu'];

/**
 * "Barn og pårørende": the service's list for the duty to ask whether the person has minor children and to
 * see to their needs, and the relatives with their role and the person's consent
 * (docs/decisions/0019-relatives-and-risk.md). The person's own network map is on the plan page.
 */
export function Relatives({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const mayRead = READERS.includes(user.role);
  const mayWrite = WRITERS.includes(user.role);
  const query = useRelatives(personId, mayRead);
  const [editing, setEditing] = useState<RelativeView | RelativeKind | null>(null);
  if (!mayRead) return null;

  const relatives = query.data?.relatives ?? [];
  const children = relatives.filter((r) => r.kind === 'child');
  const others = relatives.filter((r) => r.kind === 'relative');
  return (
    <section className="section relatives" id="relatives" aria-labelledby="relatives-title">
      <div className="section__head">
        <h2 id="relatives-title">{t('relatives.title')}</h2>
        {mayWrite && editing === null && (
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => setEditing('child')}>
              {t('relatives.addChild')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing('relative')}>
              {t('relatives.addRelative')}
            </button>
          </div>
        )}
      </div>
      <p className="section__intro">
        {t('relatives.intro')}{' '}
        <Link to={`/personer/${encodeURIComponent(personId)}/plan`}>{t('relatives.networkLink')}</Link>
      </p>
      {editing !== null && (
        <RelativeForm
          personId={personId}
          relative={typeof editing === 'string' ? null : editing}
          kind={typeof editing === 'string' ? editing : editing.kind}
          onDone={() => setEditing(null)}
        />
      )}
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data && (
        <>
          <h3>{t('relatives.children')}</h3>
          {children.length === 0 ? (
            <p className="empty">{t('relatives.noChildren')}</p>
          ) : (
            <ul className="relatives__list">
              {children.map((c) => (
                <Child key={c.id} child={c} onEdit={mayWrite ? () => setEditing(c) : undefined} />
              ))}
            </ul>
          )}
          <h3>{t('relatives.others')}</h3>
          {others.length === 0 ? (
            <p className="empty">{t('relatives.noOthers')}</p>
          ) : (
            <ul className="relatives__list">
              {others.map((r) => (
                <li key={r.id} className="relatives__item">
                  <p className="relatives__name">
                    <strong>{r.name}</strong> · {t(`labels.relativeRoles.${r.role}`)}
                  </p>
                  <p>
                    {r.mayContact ? t('relatives.mayContact') : t('relatives.mayNotContact')} ·{' '}
                    {r.mayInform ? t('relatives.mayInform') : t('relatives.mayNotInform')}
                  </p>
                  {r.note && <p>{r.note}</p>}
                  <p className="meta">{t('relatives.changedBy', { name: r.changedBy })}</p>
                  {mayWrite && (
                    <button type="button" className="button button--secondary" onClick={() => setEditing(r)}>
                      {t('relatives.edit', { name: r.name })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Child({ child, onEdit }: { child: RelativeView; onEdit: (() => void) | undefined }) {
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
        <div>
          <dt>{t('relatives.caredForBy')}</dt>
          <dd>{child.caredForBy || '–'}</dd>
        </div>
        <div>
          <dt>{t('relatives.spokenWith')}</dt>
          <dd>{spoken}</dd>
        </div>
        <div>
          <dt>{t('relatives.followUp')}</dt>
          <dd>{child.followUp || '–'}</dd>
        </div>
        <div>
          <dt>{t('relatives.coordinatorInformed')}</dt>
          <dd>{child.coordinatorInformed ? t('relatives.yes') : t('relatives.no')}</dd>
        </div>
      </dl>
      {child.gaps.length > 0 && (
        <div className="message message--warning">
          <p>{t('relatives.gapsTitle')}</p>
          <ul>
            {child.gaps.map((g) => (
              <li key={g}>{t(`labels.childGaps.${g}`)}</li>
            ))}
          </ul>
        </div>
      )}
      {child.note && <p>{child.note}</p>}
      <p className="meta">{t('relatives.changedBy', { name: child.changedBy })}</p>
      {onEdit && (
        <button type="button" className="button button--secondary" onClick={onEdit}>
          {t('relatives.edit', { name: child.name })}
        </button>
      )}
    </li>
  );
}

type Spoken = 'yes' | 'no' | 'unknown';

/** Adds or changes a child or a relative; a change may also take them off the list. */
function RelativeForm({
  personId,
  relative,
  kind,
  onDone,
}: {
  personId: string;
  relative: RelativeView | null;
  kind: RelativeKind;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const save = useSaveRelative(personId);
  const [name, setName] = useState(relative?.name ?? '');
  const [birthYear, setBirthYear] = useState(relative?.birthYear ? String(relative.birthYear) : '');
  const [role, setRole] = useState<RelativeRole>(relative?.role ?? 'partner');
  const [caredForBy, setCaredForBy] = useState(relative?.caredForBy ?? '');
  const [spoken, setSpoken] = useState<Spoken>(
    relative?.spokenWith === true ? 'yes' : relative?.spokenWith === false ? 'no' : 'unknown',
  );
  const [spokenOn, setSpokenOn] = useState(relative?.spokenWithOn ?? '');
  const [followUp, setFollowUp] = useState(relative?.followUp ?? '');
  const [informed, setInformed] = useState(relative?.coordinatorInformed ?? false);
  const [mayContact, setMayContact] = useState(relative?.mayContact ?? false);
  const [mayInform, setMayInform] = useState(relative?.mayInform ?? false);
  const [note, setNote] = useState(relative?.note ?? '');
  const [errors, setErrors] = useState<{ name?: string; birthYear?: string }>({});
  useEffect(() => heading.current?.focus(), []);

  const child = kind === 'child';
  const body = (): RelativeBody => ({
    kind,
    name: name.trim(),
    mayContact,
    mayInform,
    note: note.trim(),
    ...(child
      ? {
          birthYear: Number(birthYear),
          caredForBy: caredForBy.trim(),
          spokenWith: spoken === 'unknown' ? null : spoken === 'yes',
          ...(spoken === 'yes' && spokenOn ? { spokenWithOn: spokenOn } : {}),
          followUp: followUp.trim(),
          coordinatorInformed: informed,
        }
      : { role }),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = t('relatives.form.nameMissing');
    if (child && !/^(19|20)\d\d$/.test(birthYear.trim()))
      found.birthYear = t('relatives.form.birthYearMissing');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ ...(relative ? { id: relative.id } : {}), body: body() }, { onSuccess: onDone });
  };
  const remove = () =>
    save.mutate({ id: relative!.id, body: { ...body(), removed: true } }, { onSuccess: onDone });

  const title = relative
    ? t('relatives.form.editTitle', { name: relative.name })
    : t(child ? 'relatives.form.newChild' : 'relatives.form.newRelative');
  return (
    <form className="form relatives-form" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`} tabIndex={-1} ref={heading}>
        {title}
      </h3>
      <Field id={`${uid}-name`} label={t('relatives.form.name')} error={errors.name}>
        <input
          {...describedBy(`${uid}-name`, { error: errors.name })}
          maxLength={200}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      {child ? (
        <>
          <Field
            id={`${uid}-year`}
            label={t('relatives.form.birthYear')}
            hint={t('relatives.form.birthYearHint')}
            error={errors.birthYear}
          >
            <input
              {...describedBy(`${uid}-year`, { hint: true, error: errors.birthYear })}
              inputMode="numeric"
              maxLength={4}
              className="input--short"
              value={birthYear}
              onChange={(e) => setBirthYear(e.target.value)}
            />
          </Field>
          <Field id={`${uid}-carer`} label={t('relatives.caredForBy')}>
            <input
              {...describedBy(`${uid}-carer`, {})}
              maxLength={500}
              value={caredForBy}
              onChange={(e) => setCaredForBy(e.target.value)}
            />
          </Field>
          <RadioGroup<Spoken>
            legend={t('relatives.spokenWith')}
            name={`${uid}-spoken`}
            value={spoken}
            inline
            options={[
              ['yes', t('relatives.yes')],
              ['no', t('relatives.no')],
              ['unknown', t('relatives.notAsked')],
            ]}
            onChange={setSpoken}
          />
          {spoken === 'yes' && (
            <DateField label={t('relatives.form.spokenOn')} value={spokenOn} onChange={setSpokenOn} />
          )}
          <TextAreaField label={t('relatives.followUp')} value={followUp} onChange={setFollowUp} />
          <div className="checkbox">
            <input
              id={`${uid}-informed`}
              type="checkbox"
              checked={informed}
              onChange={(e) => setInformed(e.target.checked)}
            />
            <label htmlFor={`${uid}-informed`}>{t('relatives.form.coordinatorInformed')}</label>
          </div>
        </>
      ) : (
        <SelectField
          label={t('relatives.form.role')}
          value={role}
          onChange={(v) => setRole(v as RelativeRole)}
        >
          {RelativeRoles.map((r) => (
            <option key={r} value={r}>
              {t(`labels.relativeRoles.${r}`)}
            </option>
          ))}
        </SelectField>
      )}
      <fieldset className="choice-group">
        <legend>{t('relatives.form.consent')}</legend>
        <div className="checkbox">
          <input
            id={`${uid}-contact`}
            type="checkbox"
            checked={mayContact}
            onChange={(e) => setMayContact(e.target.checked)}
          />
          <label htmlFor={`${uid}-contact`}>{t('relatives.mayContact')}</label>
        </div>
        <div className="checkbox">
          <input
            id={`${uid}-inform`}
            type="checkbox"
            checked={mayInform}
            onChange={(e) => setMayInform(e.target.checked)}
          />
          <label htmlFor={`${uid}-inform`}>{t('relatives.mayInform')}</label>
        </div>
      </fieldset>
      <TextAreaField label={t('relatives.form.note')} value={note} onChange={setNote} />
      {save.isError && <ErrorMessage error={save.error} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('relatives.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
        {relative && (
          <button
            type="button"
            className="button button--secondary"
            onClick={remove}
            disabled={save.isPending}
          >
            {t('relatives.form.remove')}
          </button>
        )}
      </div>
    </form>
  );
}
