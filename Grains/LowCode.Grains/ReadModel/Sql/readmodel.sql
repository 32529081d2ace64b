-- LowCode read model: lists, search, queues and the timeline are served from these tables,
-- written from the ticket grains' state and events (never by scanning grains).
-- One script for SQLite and PostgreSQL: times are Unix milliseconds, booleans 0/1, JSON as text.
-- Applied at every start-up, so every statement is idempotent.

CREATE TABLE IF NOT EXISTS lc_ticket_types (
    key             TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    category        TEXT NOT NULL,
    description     TEXT,
    latest_version  INTEGER,
    has_unpublished INTEGER NOT NULL,
    updated_at      BIGINT NOT NULL,
    updated_by      TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS lc_tickets (
    id              TEXT PRIMARY KEY,
    type            TEXT NOT NULL,
    version         INTEGER NOT NULL,
    title           TEXT NOT NULL,
    status          TEXT NOT NULL,
    resolution      TEXT,
    priority        TEXT NOT NULL,
    requester_id    TEXT NOT NULL,
    requester_name  TEXT NOT NULL,
    assignees       TEXT NOT NULL,
    current_steps   TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    closed_at       BIGINT,
    due_at          BIGINT,
    sequence        BIGINT NOT NULL,
    parent_id       TEXT,
    involved        TEXT NOT NULL,
    form_json       TEXT NOT NULL,
    search_text     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_lc_tickets_status ON lc_tickets (status, created_at);
CREATE INDEX IF NOT EXISTS ix_lc_tickets_type ON lc_tickets (type, created_at);
CREATE INDEX IF NOT EXISTS ix_lc_tickets_requester ON lc_tickets (requester_id, created_at);

-- Who a ticket is for, one row per person/team/role mark, so queues and "my tickets" are index range scans
-- instead of LIKE scans over lc_tickets.involved: q:{requester}, a:{current assignee}, u:{person involved},
-- t:{team}, r:{org role}. Status and creation time are copied so a queue page is read in order from the index.
CREATE TABLE IF NOT EXISTS lc_ticket_keys (
    ticket_id   TEXT NOT NULL,
    key         TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, key)
);
CREATE INDEX IF NOT EXISTS ix_lc_ticket_keys_status ON lc_ticket_keys (key, status, created_at, ticket_id);
CREATE INDEX IF NOT EXISTS ix_lc_ticket_keys_all ON lc_ticket_keys (key, created_at, ticket_id);

CREATE TABLE IF NOT EXISTS lc_tasks (
    ticket_id   TEXT NOT NULL,
    task_id     TEXT NOT NULL,
    node_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    status      TEXT NOT NULL,
    assignee    TEXT,
    assignment  TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    due_at      BIGINT,
    closed_at   BIGINT,
    action      TEXT,
    PRIMARY KEY (ticket_id, task_id)
);
CREATE INDEX IF NOT EXISTS ix_lc_tasks_assignee ON lc_tasks (assignee, status);
CREATE INDEX IF NOT EXISTS ix_lc_tasks_queue ON lc_tasks (assignment, status);

CREATE TABLE IF NOT EXISTS lc_timeline (
    ticket_id   TEXT NOT NULL,
    key         TEXT NOT NULL,
    position    BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    node_id     TEXT,
    task_id     TEXT,
    subject     TEXT,
    before_json TEXT,
    after_json  TEXT,
    PRIMARY KEY (ticket_id, key)
);
CREATE INDEX IF NOT EXISTS ix_lc_timeline_order ON lc_timeline (ticket_id, position);

-- Durable index of armed timers (the ticket grains' state is the truth); scheduler shards load it.
CREATE TABLE IF NOT EXISTS lc_timers (
    ticket_id   TEXT NOT NULL,
    timer_id    TEXT NOT NULL,
    shard       INTEGER NOT NULL,
    due_at      BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, timer_id)
);
CREATE INDEX IF NOT EXISTS ix_lc_timers_shard ON lc_timers (shard, due_at);

-- In-app notifications (other channels deliver from here in later integrations).
CREATE TABLE IF NOT EXISTS lc_notifications (
    key         TEXT PRIMARY KEY,
    ticket_id   TEXT NOT NULL,
    channel     TEXT NOT NULL,
    recipients  TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

-- Uploaded files (attachments): who uploaded what, its checked type, size and SHA-256, and the ticket it
-- was linked to when a form referenced it (null until then). The bytes live in the data folder
-- (embedded mode) or in lc_attachment_content (cluster mode, so every instance can serve them).
CREATE TABLE IF NOT EXISTS lc_attachments (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            BIGINT NOT NULL,
    sha256          TEXT NOT NULL,
    uploader        TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    ticket_id       TEXT,
    linked_at       BIGINT
);
CREATE INDEX IF NOT EXISTS ix_lc_attachments_ticket ON lc_attachments (ticket_id, created_at);

CREATE TABLE IF NOT EXISTS lc_attachment_content (
    id              TEXT PRIMARY KEY,
    content         BYTEA NOT NULL
);

-- Keys shared by every instance: token signing/encryption keys and ASP.NET data protection keys.
CREATE TABLE IF NOT EXISTS lc_keys (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL
);

-- Business calendars administrators add (the built-in ones are in code): one JSON document each.
CREATE TABLE IF NOT EXISTS lc_calendars (
    key         TEXT PRIMARY KEY,
    definition  TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);
