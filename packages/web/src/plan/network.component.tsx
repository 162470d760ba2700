import type { NetworkMemberView } from '@bedring/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { NetworkForm } from './network-form.component.tsx';
import { NetworkMap } from './network-map.component.tsx';
import { useNetwork, useUpdateMember } from './plan.resource.ts';
import { viewerOf } from './plan-permissions.ts';

/**
 * "Nettverket mitt": the map as a picture, the same as a table (for screen readers and keyboards), and
 * the forms. The person edits everyone; a helper edits those they added (ADR 0006).
 */
export function Network({ personId, centre }: { personId: string; centre: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const self = viewerOf(user) === 'self' ? 'Self' : '';
  const query = useNetwork(personId);
  const remove = useUpdateMember(personId);
  const [editing, setEditing] = useState<NetworkMemberView | 'new' | null>(null);
  const mayEdit = (m: NetworkMemberView) => user.role === 'patient' || m.author.id === user.id;

  return (
    <section className="section network" id="plan-network" aria-labelledby="plan-network-title">
      <h2 id="plan-network-title">{t(`plan.network.title${self}`)}</h2>
      <p className="section__intro">{t(`plan.network.intro${self}`)}</p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data === null && <p className="message message--info">{t('plan.notShared.part')}</p>}
      {query.data && (
        <>
          {query.data.members.length === 0 ? (
            <p className="empty">{t('plan.network.empty')}</p>
          ) : (
            <>
              <NetworkMap members={query.data.members} centre={centre} />
              <div className="table-wrap">
                <table className="network-table">
                  <caption>{t('plan.network.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('plan.network.form.name')}</th>
                      <th scope="col">{t('plan.network.form.relation')}</th>
                      <th scope="col">{t('plan.network.form.quality')}</th>
                      <th scope="col">{t('plan.network.crisisColumn')}</th>
                      <th scope="col">{t('plan.network.consentColumn')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('plan.network.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {query.data.members.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">
                          {m.name}
                          {m.phone && <div className="meta">{m.phone}</div>}
                        </th>
                        <td data-label={t('plan.network.form.relation')}>
                          {t(`plan.network.relations.${m.relation}`)}
                        </td>
                        <td data-label={t('plan.network.form.quality')}>
                          <span className={`quality quality--${m.quality}`}>
                            {t(`plan.network.qualities.${m.quality}`)}
                          </span>
                        </td>
                        <td data-label={t('plan.network.crisisColumn')}>{m.crisisRole || '–'}</td>
                        <td data-label={t('plan.network.consentColumn')}>
                          {m.contactConsent ? t('plan.network.mayContact') : t('plan.network.mayNotContact')}
                          {m.maySee.length > 0 && (
                            <div className="meta">
                              {t('plan.network.maySeeList', {
                                list: m.maySee.map((k) => t(`plan.kinds.${k}.title${self}`)).join(', '),
                              })}
                            </div>
                          )}
                        </td>
                        <td>
                          {mayEdit(m) && (
                            <div className="network-table__actions">
                              <button
                                type="button"
                                className="button button--quiet"
                                onClick={() => setEditing(m)}
                                aria-label={t('plan.network.editNamed', { name: m.name })}
                              >
                                {t('plan.network.edit')}
                              </button>
                              <button
                                type="button"
                                className="button button--quiet"
                                aria-label={t('plan.network.removeNamed', { name: m.name })}
                                onClick={() => {
                                  if (window.confirm(t('plan.network.removeConfirm', { name: m.name })))
                                    remove.mutate({
                                      id: m.id,
                                      body: {
                                        name: m.name,
                                        relation: m.relation,
                                        quality: m.quality,
                                        crisisRole: m.crisisRole,
                                        phone: m.phone,
                                        contactConsent: m.contactConsent,
                                        maySee: m.maySee,
                                        note: m.note,
                                        removed: true,
                                      },
                                    });
                                }}
                              >
                                {t('plan.network.remove')}
                              </button>
                            </div>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {remove.isError && <ErrorMessage error={remove.error} />}
          {editing ? (
            <NetworkForm
              key={editing === 'new' ? 'new' : editing.id}
              personId={personId}
              member={editing === 'new' ? undefined : editing}
              onDone={() => setEditing(null)}
            />
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setEditing('new')}>
              {t('plan.network.add')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
