-- The carrier trunk the Sip adapter dials through, and the agents' SIP accounts its registrar checks.
-- No secret is stored in the clear: the trunk password is ASP.NET Core Data Protection ciphertext (its keys
-- live outside the database, so a dump alone reveals nothing), agent passwords only as digest HA1s
-- (H(username:realm:password), RFC 7616 §3.4.2), which is all a registrar needs to verify a REGISTER.

-- One trunk for the platform: a single row.
CREATE TABLE sip_trunk (
    id                        int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    host                      text NOT NULL,
    port                      int NOT NULL CHECK (port BETWEEN 1 AND 65535),
    transport                 text NOT NULL CHECK (transport IN ('udp', 'tcp')),
    username                  text,
    password_protected        text,
    realm                     text,
    caller_id                 text NOT NULL,
    options_interval_seconds  int NOT NULL CHECK (options_interval_seconds BETWEEN 0 AND 3600),
    updated_at                timestamptz NOT NULL,
    updated_by                text
);

CREATE TABLE sip_agent_accounts (
    agent       text PRIMARY KEY,          -- the dialer's agent id (as in agent_sessions.agent)
    username    text NOT NULL,             -- what the phone registers as
    realm       text NOT NULL,             -- the realm the HA1s were made for
    ha1_md5     text NOT NULL,
    ha1_sha256  text NOT NULL,
    enabled     boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX sip_agent_accounts_username ON sip_agent_accounts (lower(username));
