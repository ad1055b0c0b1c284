-- Staff records and team leaders are Identity users: 0400 was written before the Identity tables were
-- merged and kept plain uuids. A staff record now cannot name a user who does not exist, and a user
-- with a staff record or a team to lead cannot be deleted out from under payroll.
ALTER TABLE workforce_agents ADD CONSTRAINT workforce_agents_user FOREIGN KEY (id) REFERENCES users (id);
ALTER TABLE workforce_teams ADD CONSTRAINT workforce_teams_leader FOREIGN KEY (leader_id) REFERENCES users (id);
