-- LowCode organisation: teams (queues) and their members, departments with their heads, agent
-- profiles. People themselves (sign-in, roles, line manager) are the identity store's.
-- One script for SQLite and PostgreSQL, applied at every start-up after readmodel.sql: idempotent.

-- Bumped by every change to the tables below, so each silo knows when its copy is stale.
CREATE TABLE IF NOT EXISTS lc_org_version (
    id          INTEGER PRIMARY KEY,
    version     BIGINT NOT NULL
);
INSERT INTO lc_org_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;

CREATE TABLE IF NOT EXISTS lc_teams (
    key         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    lead_id     TEXT,
    updated_at  BIGINT NOT NULL,
    updated_by  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS lc_team_members (
    team_key    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    PRIMARY KEY (team_key, user_id)
);
CREATE INDEX IF NOT EXISTS ix_lc_team_members_user ON lc_team_members (user_id);

CREATE TABLE IF NOT EXISTS lc_departments (
    key         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    head_id     TEXT,
    updated_at  BIGINT NOT NULL,
    updated_by  TEXT NOT NULL
);

-- Agent profiles as JSON (skills, regions, sites, capacity, weights, shift, duty, out of office).
CREATE TABLE IF NOT EXISTS lc_agents (
    user_id      TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    profile_json TEXT NOT NULL,
    updated_at   BIGINT NOT NULL,
    updated_by   TEXT NOT NULL
);
