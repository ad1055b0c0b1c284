-- Work orders (工单) with SLAs and escalation (督办). Range 0700-0799.

-- The center's business hours for SLA clocks: opening hours per ISO weekday (1 = Monday) and dated exceptions,
-- public holidays (closed) and make-up workdays (调休上班, open; their own hours or the first weekday's).
CREATE TABLE business_hours (
    weekday          smallint PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),
    opens            time NOT NULL,
    closes           time NOT NULL CHECK (closes > opens)
);
INSERT INTO business_hours (weekday, opens, closes) SELECT d, '09:00', '18:00' FROM generate_series(1, 5) d;

CREATE TABLE business_days (
    day              date PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name             text NOT NULL CHECK (btrim(name) <> ''),
    opens            time,
    closes           time,
    CHECK ((opens IS NULL) = (closes IS NULL) AND (closes IS NULL OR closes > opens)),
    CHECK (kind = 'workday' OR opens IS NULL)
);
-- The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知) for 2025 and 2026; admins add later years.
INSERT INTO business_days (day, kind, name)
SELECT d::date, 'holiday', n FROM (VALUES
    ('2025-01-01', '2025-01-01', '元旦'), ('2025-01-28', '2025-02-04', '春节'), ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'), ('2025-05-31', '2025-06-02', '端午节'), ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
    ('2026-01-01', '2026-01-03', '元旦'), ('2026-02-15', '2026-02-23', '春节'), ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'), ('2026-06-19', '2026-06-21', '端午节'), ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')
) AS h (first, last, n), generate_series(h.first::date, h.last::date, interval '1 day') AS d;
INSERT INTO business_days (day, kind, name) VALUES
    ('2025-01-26', 'workday', '春节调休上班'), ('2025-02-08', 'workday', '春节调休上班'), ('2025-04-27', 'workday', '劳动节调休上班'),
    ('2025-09-28', 'workday', '国庆节调休上班'), ('2025-10-11', 'workday', '国庆节调休上班'),
    ('2026-01-04', 'workday', '元旦调休上班'), ('2026-02-14', 'workday', '春节调休上班'), ('2026-02-28', 'workday', '春节调休上班'),
    ('2026-05-09', 'workday', '劳动节调休上班'), ('2026-09-20', 'workday', '国庆节调休上班'), ('2026-10-10', 'workday', '国庆节调休上班');

-- Departments that handle orders: the operator's own (tenant_id NULL: 二线, 质检, 班长) or a client's (its back office).
-- A client user may be a member only of its own tenant's departments, operator staff only of the operator's.
CREATE TABLE wo_departments (
    id               uuid PRIMARY KEY,
    tenant_id        uuid REFERENCES tenants (id),
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (tenant_id, name)
);
CREATE TABLE wo_department_members (
    department_id    uuid NOT NULL REFERENCES wo_departments (id) ON DELETE CASCADE,
    user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    is_lead          boolean NOT NULL DEFAULT false,      -- told of escalations; the department's supervisor
    PRIMARY KEY (department_id, user_id)
);
CREATE INDEX wo_department_members_user ON wo_department_members (user_id);

-- Order types per campaign: custom fields (WorkOrderField[]), default priority, the department orders go to,
-- the escalation chain ([{department, within_minutes}]) and the skip-level complaint flag (越级投诉).
CREATE TABLE wo_types (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL,
    campaign_id      uuid NOT NULL,
    code             text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    fields           jsonb NOT NULL DEFAULT '[]',
    default_priority text NOT NULL CHECK (default_priority IN ('Low', 'Normal', 'High', 'Urgent')),
    department_id    uuid NOT NULL REFERENCES wo_departments (id),
    escalation       jsonb NOT NULL DEFAULT '[]',
    skip_level_complaint boolean NOT NULL DEFAULT false,
    active           boolean NOT NULL DEFAULT true,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    UNIQUE (campaign_id, code)
);

-- SLA targets of a type at a priority, in business minutes.
CREATE TABLE wo_sla_policies (
    type_id          uuid NOT NULL REFERENCES wo_types (id) ON DELETE CASCADE,
    priority         text NOT NULL CHECK (priority IN ('Low', 'Normal', 'High', 'Urgent')),
    first_response_minutes int NOT NULL CHECK (first_response_minutes > 0),
    next_update_minutes    int NOT NULL CHECK (next_update_minutes > 0),
    resolution_minutes     int NOT NULL CHECK (resolution_minutes > 0),
    warn_minutes           int NOT NULL CHECK (warn_minutes > 0),
    PRIMARY KEY (type_id, priority)
);

-- One work order. Ids start at 100001 so an order number never looks like a short list index.
-- sla holds the SlaTimers (Outbound.Core/WorkOrders); sla_next_check_at is the earliest instant one of them needs a look,
-- so the timer service reads only the orders due (a partial index), whatever the number of open orders.
-- The call: the desk names the agent and lead; call_id is the call's record (call_records or inbound_calls) once written.
-- search is the jieba-segmented text (subject, description, answer, customer, field values) as a 'simple' tsvector.
CREATE TABLE work_orders (
    id               bigint GENERATED ALWAYS AS IDENTITY (START WITH 100001) PRIMARY KEY,
    tenant_id        uuid NOT NULL,
    campaign_id      uuid NOT NULL,
    type_id          uuid NOT NULL REFERENCES wo_types (id),
    status           text NOT NULL CHECK (status IN ('New', 'Assigned', 'InProgress', 'WaitingForCustomer', 'Resolved', 'Closed')),
    priority         text NOT NULL CHECK (priority IN ('Low', 'Normal', 'High', 'Urgent')),
    department_id    uuid NOT NULL REFERENCES wo_departments (id),
    assignee_id      uuid REFERENCES users (id),
    overseer_department_id uuid REFERENCES wo_departments (id),     -- the escalation chain's department at the current level
    subject          text NOT NULL CHECK (length(btrim(subject)) BETWEEN 1 AND 200),
    description      text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    customer_name    text,
    phone_e164       text,
    lead_id          bigint REFERENCES leads (id),
    fields           jsonb NOT NULL DEFAULT '{}',
    call_kind        text CHECK (call_kind IN ('outbound', 'inbound')),
    call_agent       text,
    call_id          uuid,
    created_by       uuid NOT NULL REFERENCES users (id),
    created_via      text NOT NULL CHECK (created_via IN ('desk', 'staff', 'client')),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    first_responded_at timestamptz,
    resolved_at      timestamptz,
    closed_at        timestamptz,
    answer           text,
    resolved_fully   boolean,
    reopened         int NOT NULL DEFAULT 0,
    merged_into      bigint REFERENCES work_orders (id),
    escalation_level int NOT NULL DEFAULT 0,
    escalations      int NOT NULL DEFAULT 0,
    first_response_breached boolean NOT NULL DEFAULT false,
    resolution_breached     boolean NOT NULL DEFAULT false,
    sla              jsonb NOT NULL DEFAULT '{}',
    sla_next_check_at timestamptz,
    search           tsvector NOT NULL DEFAULT ''::tsvector,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
CREATE INDEX work_orders_phone ON work_orders (phone_e164, id DESC) WHERE phone_e164 IS NOT NULL;
CREATE INDEX work_orders_customer ON work_orders (customer_name text_pattern_ops) WHERE customer_name IS NOT NULL;
CREATE INDEX work_orders_fields ON work_orders USING gin (fields);
CREATE INDEX work_orders_search ON work_orders USING gin (search);
CREATE INDEX work_orders_sla_due ON work_orders (sla_next_check_at) WHERE sla_next_check_at IS NOT NULL;
CREATE INDEX work_orders_campaign ON work_orders (campaign_id, id DESC);
CREATE INDEX work_orders_tenant ON work_orders (tenant_id, id DESC);
CREATE INDEX work_orders_department_open ON work_orders (department_id, id DESC) WHERE status NOT IN ('Resolved', 'Closed');
CREATE INDEX work_orders_overseer_open ON work_orders (overseer_department_id) WHERE overseer_department_id IS NOT NULL AND status NOT IN ('Resolved', 'Closed');
CREATE INDEX work_orders_assignee_open ON work_orders (assignee_id) WHERE assignee_id IS NOT NULL AND status NOT IN ('Resolved', 'Closed');
CREATE INDEX work_orders_lead ON work_orders (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX work_orders_call_pending ON work_orders (created_at) WHERE call_kind IS NOT NULL AND call_id IS NULL;

-- The order's history: every change, who and when. Append-only: the database refuses to change or remove a line.
CREATE TABLE work_order_events (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         bigint NOT NULL REFERENCES work_orders (id),
    tenant_id        uuid NOT NULL,
    at               timestamptz NOT NULL,
    actor_id         uuid,                                   -- NULL: the SLA timer service
    actor_name       text NOT NULL,
    kind             text NOT NULL,
    detail           jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX work_order_events_order ON work_order_events (order_id, id);

-- Every escalation: which target was breached, the level and priority before and after, who was told.
CREATE TABLE work_order_escalations (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         bigint NOT NULL REFERENCES work_orders (id),
    tenant_id        uuid NOT NULL,
    at               timestamptz NOT NULL,
    target           text NOT NULL CHECK (target IN ('FirstResponse', 'NextUpdate', 'Resolution')),
    due_at           timestamptz NOT NULL,
    level_from       int NOT NULL,
    level_to         int NOT NULL,
    priority_from    text NOT NULL,
    priority_to      text NOT NULL,
    department_id    uuid REFERENCES wo_departments (id),
    notified         uuid[] NOT NULL
);
CREATE INDEX work_order_escalations_order ON work_order_escalations (order_id, at);
CREATE INDEX work_order_escalations_tenant ON work_order_escalations (tenant_id, at);

CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
-- Statement triggers: even an UPDATE, DELETE or TRUNCATE that would touch no row is refused.
CREATE TRIGGER work_order_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON work_order_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER work_order_escalations_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON work_order_escalations
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- Attachments, kept in the database with their order (one transaction, no file left behind by a failed upload);
-- downloads go through the order's access check.
CREATE TABLE work_order_attachments (
    id               uuid PRIMARY KEY,
    order_id         bigint NOT NULL REFERENCES work_orders (id),
    tenant_id        uuid NOT NULL,
    file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type     text NOT NULL,
    size_bytes       int NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    sha256           text NOT NULL,
    content          bytea NOT NULL,
    uploaded_by      uuid NOT NULL REFERENCES users (id),
    uploaded_at      timestamptz NOT NULL
);
CREATE INDEX work_order_attachments_order ON work_order_attachments (order_id);

-- What a user is told: SLA warnings, escalations, orders sent to their department, answers to their orders.
CREATE TABLE work_order_notices (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    order_id         bigint NOT NULL REFERENCES work_orders (id),
    tenant_id        uuid NOT NULL,
    kind             text NOT NULL,
    detail           jsonb NOT NULL DEFAULT '{}',
    at               timestamptz NOT NULL,
    read_at          timestamptz
);
CREATE INDEX work_order_notices_unread ON work_order_notices (user_id, id DESC) WHERE read_at IS NULL;
CREATE INDEX work_order_notices_user ON work_order_notices (user_id, id DESC);
