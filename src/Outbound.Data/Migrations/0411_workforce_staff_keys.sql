-- What is kept about a person for Hr (roster, logins, handover logs, deductions) names a staff record, so
-- nothing can be charged to or rostered for someone payroll does not know. Refused delete attempts name
-- any user: a client's attempt is kept too, though no deduction follows.
ALTER TABLE workforce_roster ADD CONSTRAINT workforce_roster_agent FOREIGN KEY (agent_id) REFERENCES workforce_agents (id);
ALTER TABLE workforce_sessions ADD CONSTRAINT workforce_sessions_agent FOREIGN KEY (agent_id) REFERENCES workforce_agents (id);
ALTER TABLE workforce_handover_logs ADD CONSTRAINT workforce_handover_logs_from FOREIGN KEY (from_agent) REFERENCES workforce_agents (id);
ALTER TABLE workforce_handover_logs ADD CONSTRAINT workforce_handover_logs_to FOREIGN KEY (to_agent) REFERENCES workforce_agents (id);
ALTER TABLE workforce_delete_attempts ADD CONSTRAINT workforce_delete_attempts_user FOREIGN KEY (agent_id) REFERENCES users (id);
ALTER TABLE assessment_deductions ADD CONSTRAINT assessment_deductions_agent FOREIGN KEY (agent_id) REFERENCES workforce_agents (id);
