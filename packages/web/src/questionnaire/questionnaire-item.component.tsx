import type { QuestionnaireItem } from '@medplum/fhirtypes';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pathKey, useForm } from './questionnaire-form.context.ts';
import { ProblemList, Question } from './questionnaire-question.component.tsx';
import { localized } from './questionnaire-text.ts';
import { fieldId, type ItemPath, isShown, type RItem } from './response-state.ts';

/**
 * The items of one level (the questionnaire, a group instance): each shown only when its enableWhen
 * holds where it stands; calculated and hidden items never.
 */
export function ItemList({
  qItems,
  level,
  parentPath,
  responsePath,
  headingLevel,
}: {
  qItems: readonly QuestionnaireItem[] | undefined;
  level: readonly RItem[];
  parentPath: ItemPath;
  responsePath: RItem[];
  headingLevel: 3 | 4 | 5;
}) {
  const { evaluator } = useForm();
  return (
    <>
      {(qItems ?? []).map((qItem) => {
        if (!isShown(qItem) || !evaluator.isEnabled(qItem, responsePath)) return null;
        if (qItem.type === 'display') return <DisplayItem key={qItem.linkId} item={qItem} />;
        if (qItem.type === 'group') {
          return (
            <GroupItem
              key={qItem.linkId}
              item={qItem}
              level={level}
              parentPath={parentPath}
              responsePath={responsePath}
              headingLevel={headingLevel}
            />
          );
        }
        const path = [...parentPath, { linkId: qItem.linkId, index: 0 }];
        return (
          <Question
            key={qItem.linkId}
            item={qItem}
            path={path}
            r={level.find((r) => r.linkId === qItem.linkId)}
          />
        );
      })}
    </>
  );
}

function DisplayItem({ item }: { item: QuestionnaireItem }) {
  const { lang } = useForm();
  return <p className="q-display">{localized(item, 'text', lang)}</p>;
}

function Heading({ level, children, id }: { level: 3 | 4 | 5; children: ReactNode; id: string }) {
  const Tag = level === 3 ? 'h3' : level === 4 ? 'h4' : 'h5';
  return (
    <Tag id={id} className="q-group__title">
      {children}
    </Tag>
  );
}

function GroupItem({
  item,
  level,
  parentPath,
  responsePath,
  headingLevel,
}: {
  item: QuestionnaireItem;
  level: readonly RItem[];
  parentPath: ItemPath;
  responsePath: RItem[];
  headingLevel: 3 | 4 | 5;
}) {
  const { t } = useTranslation();
  const ctx = useForm();
  const text = localized(item, 'text', ctx.lang);
  const instances = level.filter((r) => r.linkId === item.linkId);
  const next = (headingLevel === 3 ? 4 : 5) as 4 | 5;
  const groupProblems = (ctx.problems.get(item.linkId) ?? []).filter((p) => p.code === 'required');
  const id = fieldId(ctx.idPrefix, [...parentPath, { linkId: item.linkId, index: 0 }]);

  if (!item.repeats) {
    const instance = instances[0];
    const path = [...parentPath, { linkId: item.linkId, index: 0 }];
    return (
      <section className="q-group" aria-labelledby={text ? `${id}-title` : undefined}>
        {text && (
          <Heading level={headingLevel} id={`${id}-title`}>
            {item.prefix ? `${item.prefix} ` : ''}
            {text}
          </Heading>
        )}
        <ProblemList id={`${id}-error`} problems={groupProblems} item={item} />
        <ItemList
          qItems={item.item}
          level={instance?.item ?? []}
          parentPath={path}
          responsePath={instance ? [...responsePath, instance] : responsePath}
          headingLevel={next}
        />
      </section>
    );
  }

  const name = text || t('questionnaire.form.instance');
  return (
    <section className="q-group q-group--repeats" aria-labelledby={`${id}-title`}>
      <Heading level={headingLevel} id={`${id}-title`}>
        {item.prefix ? `${item.prefix} ` : ''}
        {name}
      </Heading>
      <ProblemList id={`${id}-error`} problems={groupProblems} item={item} />
      {instances.map((instance, index) => {
        const path = [...parentPath, { linkId: item.linkId, index }];
        return (
          <GroupInstance
            // Instances have no id of their own; their place is what identifies them.
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the instance's identity here
            key={index}
            path={path}
            legend={t('questionnaire.form.instanceLegend', { name, n: index + 1 })}
            removable={instances.length > 1}
          >
            <ItemList
              qItems={item.item}
              level={instance.item ?? []}
              parentPath={path}
              responsePath={[...responsePath, instance]}
              headingLevel={next}
            />
          </GroupInstance>
        );
      })}
      <button
        type="button"
        className="button button--secondary q-add"
        onClick={() => ctx.onAdd(parentPath, item.linkId)}
      >
        <span aria-hidden="true">+</span>{' '}
        {t('questionnaire.form.add', { name: name.toLocaleLowerCase(ctx.lang) })}
      </button>
    </section>
  );
}

function GroupInstance({
  path,
  legend,
  removable,
  children,
}: {
  path: ItemPath;
  legend: string;
  removable: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ctx = useForm();
  const ref = useRef<HTMLFieldSetElement>(null);
  const key = pathKey(path);
  useEffect(() => {
    if (ctx.added === key) ref.current?.focus();
  }, [ctx.added, key]);
  return (
    <fieldset className="q-instance" ref={ref} tabIndex={-1}>
      <legend>{legend}</legend>
      {children}
      {removable && (
        <button type="button" className="button button--quiet q-remove" onClick={() => ctx.onRemove(path)}>
          {t('questionnaire.form.remove', { what: legend })}
        </button>
      )}
    </fieldset>
  );
}
