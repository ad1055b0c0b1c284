-- Point-based assessment (员工绩效考核, seed part 八): the rule catalogue Hr edits, deductions with
-- evidence and an append-only audit trail, and monthly settlements that lock once written.

CREATE TABLE assessment_rules (
    number           int PRIMARY KEY CHECK (number > 0),   -- the rule's number in the seed
    text_zh          text NOT NULL CHECK (btrim(text_zh) <> ''),
    text_en          text NOT NULL CHECK (btrim(text_en) <> ''),
    category         text NOT NULL CHECK (category IN ('office', 'department')),
    points           int NOT NULL CHECK (points >= 0),
    fine_min         numeric(12,2),
    fine_max         numeric(12,2),
    compensation     boolean NOT NULL DEFAULT false,        -- 照价赔偿: Hr enters the cost
    may_dismiss      boolean NOT NULL DEFAULT false,
    evidence         text NOT NULL CHECK (evidence IN ('recording', 'attendance', 'handover_log', 'manual')),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       uuid,
    CHECK ((fine_min IS NULL) = (fine_max IS NULL)),
    CHECK (fine_min IS NULL OR (fine_min >= 0 AND fine_max >= fine_min))
);

-- Every catalogue edit, old and new row side by side.
CREATE TABLE assessment_rule_changes (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number           int NOT NULL REFERENCES assessment_rules (number),
    changed_by       uuid,
    changed_at       timestamptz NOT NULL DEFAULT now(),
    before           jsonb NOT NULL,
    after            jsonb NOT NULL
);

INSERT INTO assessment_rules (number, text_zh, text_en, category, points, fine_min, fine_max, compensation, may_dismiss, evidence) VALUES
 (1,  '呼叫中心工作人员语言必须标准化,依据接打电话录音抽查或当场发现', 'Service language must follow the standard; found by recording spot checks or on the spot', 'department', 5, NULL, NULL, false, false, 'recording'),
 (2,  '须提前10分钟到岗,做好上班前准备工作(登录平台、查看呼叫信息、准备派工单等),以考勤机信息为准', 'Be at the seat 10 minutes before shift start, ready (logged in, calls reviewed, work orders prepared); per attendance records', 'office', 1, NULL, NULL, false, false, 'attendance'),
 (3,  '不得在工作时间进行个人或非公司的业务', 'No personal or non-company business during working hours', 'office', 2, NULL, NULL, false, false, 'manual'),
 (4,  '不得收受客户的财物礼品等', 'Do not accept money, goods or gifts from customers', 'office', 1, 100, 100, false, false, 'manual'),
 (5,  '不得向外泄露公司商业秘密(营销策略、内部业务数字、帐册报表、推销方法、文件档案及用户资料等),情节严重者除名', 'Do not leak business secrets (marketing strategy, internal figures, accounts, sales methods, files, customer data); serious cases are dismissed', 'office', 1, 1000, 10000, false, true, 'manual'),
 (7,  '不得以任何理由删除原始文件(录音文件、客户档案等)', 'Never delete original files (call recordings, customer files) for any reason', 'office', 5, 1000, 10000, false, false, 'recording'),
 (8,  '工作时间严禁串岗扎堆、聊天或吵架', 'No leaving the post, gathering, chatting or quarrelling during working hours', 'office', 3, NULL, NULL, false, false, 'manual'),
 (9,  '严禁与客户发生争吵,情节严重者予以除名', 'Never argue with a customer; serious cases are dismissed', 'department', 1, 100, 100, false, true, 'recording'),
 (10, '由于工作上的怠慢或失误引起火灾、人员伤害、财物损坏和遗失以及其它事故者,照价赔偿,情节严重者除名', 'Negligence or error causing fire, injury, damage, loss or other accidents: pay the cost; serious cases are dismissed', 'office', 1, NULL, NULL, true, true, 'manual'),
 (12, '相互学习,积极配合同事间的工作和学习,在工作职责内保证有问必答,耐心指导,具有良好的团队协作精神', 'Learn from each other, help colleagues, answer their questions patiently within your duties; work as a team', 'department', 2, NULL, NULL, false, false, 'manual'),
 (13, '按规定进行交接班,做好工作日志交接,接班人须处理好待处理工作', 'Hand over the shift as required with the work log; the next shift takes over pending work', 'department', 5, NULL, NULL, false, false, 'handover_log'),
 (14, '各种会议不发言或发言没有深度', 'Silent or shallow in meetings', 'department', 2, NULL, NULL, false, false, 'manual'),
 (15, '不制定工作、学习计划', 'No work or study plan', 'department', 7, 50, 50, false, false, 'manual'),
 (16, '无客观原因完不成工作计划', 'Work plan not completed without an objective reason', 'department', 15, 100, 100, false, false, 'manual'),
 (17, '业务培训后,经考核没有达到要求', 'Failed the assessment after business training', 'department', 5, 50, 50, false, false, 'manual');

-- A deduction copies the rule's category and points when recorded, so a later catalogue edit does
-- not rewrite history. Detected proposals carry an evidence reference; the unique index makes a
-- second detection run a no-op.
CREATE TABLE assessment_deductions (
    id               uuid PRIMARY KEY,
    agent_id         uuid NOT NULL,
    rule_number      int NOT NULL REFERENCES assessment_rules (number),
    category         text NOT NULL CHECK (category IN ('office', 'department')),
    points           int NOT NULL CHECK (points >= 0),
    fine             numeric(12,2) NOT NULL DEFAULT 0 CHECK (fine >= 0),
    occurred_on      date NOT NULL,
    state            text NOT NULL CHECK (state IN ('draft', 'confirmed', 'appealed', 'upheld', 'voided')),
    evidence_kind    text NOT NULL CHECK (evidence_kind IN ('recording', 'attendance', 'handover_log', 'manual')),
    evidence_ref     text,
    note             text NOT NULL,
    source           text NOT NULL CHECK (source IN ('manual', 'detected')),
    created_by       uuid,                                   -- null: detected by the system
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_deductions_agent ON assessment_deductions (agent_id, occurred_on);
CREATE UNIQUE INDEX assessment_deductions_evidence ON assessment_deductions (rule_number, evidence_ref) WHERE evidence_ref IS NOT NULL;

-- Who moved which deduction from what to what, when and why. Append-only.
CREATE TABLE assessment_deduction_audit (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deduction_id     uuid NOT NULL REFERENCES assessment_deductions (id),
    actor_id         uuid,                                   -- null: the system (detection)
    at               timestamptz NOT NULL DEFAULT now(),
    action           text NOT NULL,
    from_state       text,
    to_state         text NOT NULL,
    reason           text
);
CREATE INDEX assessment_deduction_audit_deduction ON assessment_deduction_audit (deduction_id, id);

CREATE TABLE assessment_settlements (
    month            date PRIMARY KEY CHECK (extract(day FROM month) = 1),
    settled_at       timestamptz NOT NULL,
    settled_by       uuid,
    agents           int NOT NULL,
    total_points     int NOT NULL,
    total_fines      numeric(14,2) NOT NULL,
    total_net_pay    numeric(14,2) NOT NULL
);

CREATE TABLE assessment_payroll_lines (
    month              date NOT NULL REFERENCES assessment_settlements (month),
    agent_id           uuid NOT NULL,
    employee_no        text NOT NULL,
    agent_name         text NOT NULL,
    office_points      int NOT NULL,
    department_points  int NOT NULL,
    points             int NOT NULL,
    points_pay         numeric(12,2) NOT NULL,
    fines              numeric(12,2) NOT NULL,
    month_amount       numeric(12,2) NOT NULL,   -- points pay − fines of this month's own deductions
    adjustment         numeric(12,2) NOT NULL,
    net_performance_pay numeric(12,2) NOT NULL,
    base_salary        numeric(12,2) NOT NULL,
    base_salary_offset numeric(12,2) NOT NULL,
    carried_forward    numeric(12,2) NOT NULL,
    total_payable      numeric(12,2) NOT NULL,
    occurrences        int NOT NULL,
    PRIMARY KEY (month, agent_id)
);

-- Corrections of locked months and shortfalls carried forward, each applied in a later month.
CREATE TABLE assessment_adjustments (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id         uuid NOT NULL,
    source_month     date NOT NULL,
    applied_month    date NOT NULL REFERENCES assessment_settlements (month),
    kind             text NOT NULL CHECK (kind IN ('correction', 'carry')),
    amount           numeric(12,2) NOT NULL
);

-- Locks enforced by the database itself, whatever code writes.
CREATE FUNCTION assessment_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: rows cannot be %d', TG_TABLE_NAME, lower(TG_OP)
        USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER assessment_deduction_audit_append_only BEFORE UPDATE OR DELETE ON assessment_deduction_audit
    FOR EACH ROW EXECUTE FUNCTION assessment_refuse_change();
CREATE TRIGGER assessment_settlements_locked BEFORE UPDATE OR DELETE ON assessment_settlements
    FOR EACH ROW EXECUTE FUNCTION assessment_refuse_change();
CREATE TRIGGER assessment_payroll_lines_locked BEFORE UPDATE OR DELETE ON assessment_payroll_lines
    FOR EACH ROW EXECUTE FUNCTION assessment_refuse_change();
CREATE TRIGGER assessment_adjustments_append_only BEFORE UPDATE OR DELETE ON assessment_adjustments
    FOR EACH ROW EXECUTE FUNCTION assessment_refuse_change();
CREATE TRIGGER assessment_rule_changes_append_only BEFORE UPDATE OR DELETE ON assessment_rule_changes
    FOR EACH ROW EXECUTE FUNCTION assessment_refuse_change();

-- Nothing new is dated into a settled month, and a deduction cannot be moved into or out of one.
CREATE FUNCTION assessment_refuse_locked_month() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM assessment_settlements WHERE month = date_trunc('month', NEW.occurred_on)::date)
       AND (TG_OP = 'INSERT' OR NEW.occurred_on <> OLD.occurred_on OR NEW.points <> OLD.points
            OR NEW.fine <> OLD.fine OR NEW.category <> OLD.category) THEN
        RAISE EXCEPTION 'month % is settled and locked', to_char(NEW.occurred_on, 'YYYY-MM')
            USING ERRCODE = 'P0002';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER assessment_deductions_locked_month BEFORE INSERT OR UPDATE ON assessment_deductions
    FOR EACH ROW EXECUTE FUNCTION assessment_refuse_locked_month();

-- Deductions are corrected by voiding, never removed.
CREATE TRIGGER assessment_deductions_no_delete BEFORE DELETE ON assessment_deductions
    FOR EACH ROW EXECUTE FUNCTION assessment_refuse_change();
