-- Writes that a request sends with its COMMIT, in one message (docs/decisions/0010). Such a message has
-- no parameters, so a plain statement in it would be parsed and planned on every request; PostgreSQL
-- (18) keeps the plans of a SQL function's statements for the session instead. The values arrive as
-- JSON and are read as the table's row type. The functions run as the caller (bedring_app), so
-- row-level security and the caller's privileges apply as for any statement.

-- Audit events (audit.repository.ts): one row per event.
create function audit_write(events json) returns void language sql as $$
  insert into audit_event (tenant_id, at, actor_account_id, actor_organisation_id, actor_role, action,
    person_id, resource_type, resource_id, purpose, break_glass_reason)
  select tenant_id, at, actor_account_id, actor_organisation_id, actor_role, action,
    person_id, resource_type, resource_id, purpose, break_glass_reason
  from json_populate_recordset(null::audit_event, events)
$$;

-- A questionnaire response (response.repository.ts): the response, new or an unfinished one saved again
-- (then only what answering changes is written); the scores as observations; the alerts raised; and, when
-- completed, what was planned for the instrument is done.
create function response_write(response json, observations json, alerts json) returns void language sql as $$
  insert into questionnaire_response (tenant_id, id, person_id, questionnaire_id, questionnaire_version,
    status, item, answered_by, author_account_id, author_name, contact_id, episode_id, started_at, authored_at)
  select tenant_id, id, person_id, questionnaire_id, questionnaire_version,
    status, item, answered_by, author_account_id, author_name, contact_id, episode_id, started_at, authored_at
  from json_populate_record(null::questionnaire_response, response)
  on conflict (tenant_id, id) do update set status = excluded.status, item = excluded.item,
    answered_by = excluded.answered_by, author_account_id = excluded.author_account_id,
    author_name = excluded.author_name, authored_at = excluded.authored_at;

  insert into observation (tenant_id, person_id, response_id, questionnaire_id, link_id, code_system, code,
    value, band_code, band_level, effective_at)
  select tenant_id, person_id, response_id, questionnaire_id, link_id, code_system, code,
    value, band_code, band_level, effective_at
  from json_populate_recordset(null::observation, observations);

  insert into feedback_alert (tenant_id, id, person_id, questionnaire_id, score_code, rule, finding,
    response_id, unit_id, assignee_account_id, raised_at)
  select tenant_id, id, person_id, questionnaire_id, score_code, rule, finding,
    response_id, unit_id, assignee_account_id, raised_at
  from json_populate_recordset(null::feedback_alert, alerts);

  update questionnaire_due d set done_at = r.authored_at, response_id = r.id
  from json_populate_record(null::questionnaire_response, response) r
  where d.tenant_id = r.tenant_id and d.person_id = r.person_id and d.questionnaire_id = r.questionnaire_id
    and d.done_at is null and r.status = 'completed';
$$;

grant execute on function audit_write(json), response_write(json, json, json) to bedring_app;

-- A living-condition rating (record.routes.ts).
create function rating_write(rating json) returns void language sql as $$
  insert into living_condition_rating (tenant_id, id, person_id, domain, rating, note, rated_at, rated_by,
    rated_by_name, rated_by_role)
  select tenant_id, id, person_id, domain, rating, note, rated_at, rated_by, rated_by_name, rated_by_role
  from json_populate_record(null::living_condition_rating, rating)
$$;

grant execute on function rating_write(json) to bedring_app;
