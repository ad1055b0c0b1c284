-- Quality assurance (质检, seed parts 一 and 十): the Qa role, versioned evaluation forms, sampling plans, evaluations with
-- the agent's acknowledgement and dispute, and calibration sessions. Migration range 0600-0699.

INSERT INTO roles (id, name, normalized_name, concurrency_stamp)
SELECT gen_random_uuid(), 'Qa', 'QA', gen_random_uuid()::text
WHERE NOT EXISTS (SELECT 1 FROM roles WHERE name = 'Qa');

-- A form belongs to a tenant, and optionally to one campaign of it. Its content lives in versions.
CREATE TABLE qa_forms (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    campaign_id      uuid,
    created_at       timestamptz NOT NULL,
    created_by       uuid REFERENCES users (id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    UNIQUE (tenant_id, id)
);

-- One version of a form (Core/Quality/EvaluationForm as JSON). A version that an evaluation was scored with is frozen:
-- editing the form then adds a version, and the trigger below refuses any change to the frozen one.
CREATE TABLE qa_form_versions (
    form_id          uuid NOT NULL REFERENCES qa_forms (id),
    version          int NOT NULL CHECK (version >= 1),
    name             text NOT NULL CHECK (btrim(name) <> ''),
    definition       jsonb NOT NULL,
    saved_at         timestamptz NOT NULL,
    saved_by         uuid REFERENCES users (id),
    PRIMARY KEY (form_id, version)
);

-- A sampling plan (抽检计划) of one campaign and period, with the seed that makes its sample reproducible.
CREATE TABLE qa_plans (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL,
    campaign_id      uuid NOT NULL,
    period_kind      text NOT NULL CHECK (period_kind IN ('month', 'week')),
    period_from      date NOT NULL,
    period_to        date NOT NULL CHECK (period_to >= period_from),
    settings         jsonb NOT NULL,
    seed             int NOT NULL,
    agents           int NOT NULL,
    candidates       int NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       uuid REFERENCES users (id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    UNIQUE (campaign_id, period_kind, period_from)
);

-- The calls a plan picked, why, and the Qa scorer each went to (null: nobody could take it).
CREATE TABLE qa_plan_calls (
    plan_id          uuid NOT NULL REFERENCES qa_plans (id) ON DELETE CASCADE,
    call_id          uuid NOT NULL,
    agent            text NOT NULL,
    reason           text NOT NULL CHECK (reason IN ('random', 'complaint', 'long_call', 'short_call')),
    stratum          text NOT NULL,
    scorer           uuid REFERENCES users (id),
    PRIMARY KEY (plan_id, call_id)
);
CREATE INDEX qa_plan_calls_scorer ON qa_plan_calls (scorer, plan_id);

-- 校准: a lead Qa picks calls; the scorers score them blind; an optional expert's scores are the consensus.
CREATE TABLE qa_calibrations (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL,
    campaign_id      uuid NOT NULL,
    name             text NOT NULL CHECK (btrim(name) <> ''),
    form_id          uuid NOT NULL REFERENCES qa_forms (id),
    lead_id          uuid NOT NULL REFERENCES users (id),
    expert_id        uuid REFERENCES users (id),
    tolerance        numeric(5,2) NOT NULL CHECK (tolerance > 0 AND tolerance <= 100),
    created_at       timestamptz NOT NULL,
    closed_at        timestamptz,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
CREATE TABLE qa_calibration_calls (
    calibration_id   uuid NOT NULL REFERENCES qa_calibrations (id) ON DELETE CASCADE,
    call_id          uuid NOT NULL,
    PRIMARY KEY (calibration_id, call_id)
);
CREATE TABLE qa_calibration_scorers (
    calibration_id   uuid NOT NULL REFERENCES qa_calibrations (id) ON DELETE CASCADE,
    user_id          uuid NOT NULL REFERENCES users (id),
    PRIMARY KEY (calibration_id, user_id)
);

-- An evaluation: the answers (item key → value, N/A, note, second of the call) against one form version, the score it
-- gave, and where it stands with the agent. Calibration scores are evaluations too, never shown to the agent.
-- Nobody scores their own call: the check compares the scorer with the call's agent (the agent's user id).
CREATE TABLE qa_evaluations (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL,
    campaign_id      uuid NOT NULL,
    call_id          uuid NOT NULL,
    call_at          timestamptz NOT NULL,      -- when the call was connected: charts group by its week or month
    agent            text NOT NULL,
    scorer           uuid NOT NULL REFERENCES users (id),
    form_id          uuid NOT NULL,
    form_version     int NOT NULL,
    plan_id          uuid REFERENCES qa_plans (id),
    calibration_id   uuid REFERENCES qa_calibrations (id),
    answers          jsonb NOT NULL,
    score            numeric(5,2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    band             text NOT NULL CHECK (band IN ('excellent', 'good', 'pass', 'fail')),
    critical_failed  boolean NOT NULL,
    state            text NOT NULL CHECK (state IN ('submitted', 'acknowledged', 'disputed', 'decided', 'calibration')),
    submitted_at     timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    FOREIGN KEY (form_id, form_version) REFERENCES qa_form_versions (form_id, version),
    CHECK (scorer::text <> agent),
    CHECK ((calibration_id IS NULL) = (state <> 'calibration'))
);
-- One evaluation of a call outside calibration; one per scorer inside a session.
CREATE UNIQUE INDEX qa_evaluations_call ON qa_evaluations (call_id) WHERE calibration_id IS NULL;
CREATE UNIQUE INDEX qa_evaluations_calibration ON qa_evaluations (calibration_id, call_id, scorer) WHERE calibration_id IS NOT NULL;
CREATE INDEX qa_evaluations_agent ON qa_evaluations (agent, call_at) WHERE calibration_id IS NULL;
CREATE INDEX qa_evaluations_campaign ON qa_evaluations (campaign_id, call_at) WHERE calibration_id IS NULL;

-- 申诉: once per evaluation (the primary key); decided by a second Qa or a supervisor, never the scorer.
CREATE TABLE qa_disputes (
    evaluation_id    uuid PRIMARY KEY REFERENCES qa_evaluations (id),
    reason           text NOT NULL CHECK (btrim(reason) <> ''),
    raised_at        timestamptz NOT NULL,
    decided_by       uuid REFERENCES users (id),
    decided_at       timestamptz,
    decision         text CHECK (decision IN ('upheld', 'amended')),
    decision_note    text,
    score_before     numeric(5,2),
    CHECK ((decided_by IS NULL) = (decision IS NULL) AND (decision IS NULL) = (decided_at IS NULL))
);

-- Everything that happened to an evaluation, who and when. Append-only, like the assessment audit.
CREATE TABLE qa_evaluation_log (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evaluation_id    uuid NOT NULL REFERENCES qa_evaluations (id),
    actor            uuid,
    at               timestamptz NOT NULL,
    action           text NOT NULL,
    detail           jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX qa_evaluation_log_evaluation ON qa_evaluation_log (evaluation_id, id);
CREATE TRIGGER qa_evaluation_log_append_only BEFORE UPDATE OR DELETE ON qa_evaluation_log
    FOR EACH ROW EXECUTE FUNCTION assessment_refuse_change();

CREATE FUNCTION qa_refuse_frozen_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM qa_evaluations WHERE form_id = OLD.form_id AND form_version = OLD.version) THEN
        RAISE EXCEPTION 'form % version % has been scored with and is frozen', OLD.form_id, OLD.version
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER qa_form_versions_frozen BEFORE UPDATE OR DELETE ON qa_form_versions
    FOR EACH ROW EXECUTE FUNCTION qa_refuse_frozen_version();
