-- A campaign the client's suspension paused (not a manager) resumes on its own once the client is in good standing again.
ALTER TABLE campaigns ADD COLUMN paused_by_suspension boolean NOT NULL DEFAULT false;
