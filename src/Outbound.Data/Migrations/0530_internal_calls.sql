-- 内部呼叫: agent-to-agent calls, outside any campaign (so no tenant): who called whom, when, and how it ended.
CREATE TABLE internal_calls (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caller_agent     text NOT NULL,
    callee_agent     text NOT NULL,
    placed_at        timestamptz NOT NULL,
    answered_at      timestamptz,
    ended_at         timestamptz NOT NULL,
    outcome          text NOT NULL CHECK (outcome IN ('completed', 'declined', 'no_answer', 'busy', 'cancelled', 'failed'))
);
CREATE INDEX internal_calls_caller ON internal_calls (caller_agent, placed_at);
CREATE INDEX internal_calls_callee ON internal_calls (callee_agent, placed_at);
