-- ASP.NET Core Data Protection keys (sign-in cookies, anti-forgery, reset tokens, protected secrets)
-- live in the database, so a restart or a second web node does not sign everyone out or leave
-- protected values unreadable.
CREATE TABLE data_protection_keys (
    friendly_name text PRIMARY KEY,
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
