-- Workforce: staff records, teams on a 大轮班 rotation, shift templates, the monthly roster, login
-- sessions (attendance), handover logs and refused delete attempts. Agents are Identity users; until
-- the Identity tables are merged, agent ids are uuids without a foreign key.
-- Timestamps are instants (timestamptz); the call center's wall clock is applied in the code.

CREATE TABLE workforce_teams (
    id               uuid PRIMARY KEY,
    name             text NOT NULL UNIQUE,
    leader_id        uuid NOT NULL,
    rotation_offset  int NOT NULL DEFAULT 0
);

-- Hr's staff record of an agent: the payroll side, kept apart from the login account.
CREATE TABLE workforce_agents (
    id               uuid PRIMARY KEY,             -- the agent's Identity user id
    employee_no      text NOT NULL UNIQUE,
    name             text NOT NULL,
    team_id          uuid REFERENCES workforce_teams (id),
    base_salary      numeric(12,2) NOT NULL CHECK (base_salary >= 0),
    active           boolean NOT NULL DEFAULT true
);

CREATE TABLE workforce_shift_templates (
    code             text PRIMARY KEY CHECK (code <> ''),
    name             text NOT NULL,
    start_time       time NOT NULL,
    length_minutes   int NOT NULL CHECK (length_minutes > 0 AND length_minutes <= 1440)
);

-- The one rotation of the floor: cycle entries are shift codes, '' for a rest day.
CREATE TABLE workforce_rotation (
    id               int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    cycle            text[] NOT NULL CHECK (cardinality(cycle) > 0),
    anchor           date NOT NULL
);

CREATE TABLE workforce_roster (
    agent_id         uuid NOT NULL,
    day              date NOT NULL,
    shift_code       text NOT NULL REFERENCES workforce_shift_templates (code),
    team_id          uuid NOT NULL REFERENCES workforce_teams (id),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL CHECK (ends_at > starts_at),
    PRIMARY KEY (agent_id, day, shift_code)
);
CREATE INDEX workforce_roster_day ON workforce_roster (day);

CREATE TABLE workforce_sessions (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id         uuid NOT NULL,
    logged_in_at     timestamptz NOT NULL,
    logged_out_at    timestamptz CHECK (logged_out_at IS NULL OR logged_out_at >= logged_in_at)
);
CREATE INDEX workforce_sessions_agent ON workforce_sessions (agent_id, logged_in_at);

CREATE TABLE workforce_handover_logs (
    id               uuid PRIMARY KEY,
    from_agent       uuid NOT NULL,
    to_agent         uuid,
    day              date NOT NULL,
    shift_code       text NOT NULL REFERENCES workforce_shift_templates (code),
    notes            text NOT NULL CHECK (btrim(notes) <> ''),
    written_at       timestamptz NOT NULL
);
CREATE INDEX workforce_handover_logs_shift ON workforce_handover_logs (day, shift_code);

-- Recordings and customer files are never deleted; an attempt is refused and kept here (rule 7).
CREATE TABLE workforce_delete_attempts (
    id               uuid PRIMARY KEY,
    agent_id         uuid NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('recording', 'customer_file')),
    target           text NOT NULL,
    attempted_at     timestamptz NOT NULL
);
