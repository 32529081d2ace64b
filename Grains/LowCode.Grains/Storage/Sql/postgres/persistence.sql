-- Orleans grain persistence on PostgreSQL (ADO.NET invariant "Npgsql"). Applied at every start-up
-- under an advisory lock (see OrleansSchema), so every statement is idempotent.
--
-- The contract with Orleans.Persistence.AdoNet: at silo start the provider reads the query texts
-- below from OrleansQuery by key and later runs them with these parameters (bound by name):
--   @GrainIdHash, @GrainTypeHash      hashes the provider computes, for a narrow lookup
--   @GrainIdN0, @GrainIdN1            the Guid or integer key (0 for string keys)
--   @GrainIdExtensionString           the string key or key extension (NULL when there is none)
--   @GrainTypeString, @ServiceId
--   @GrainStateVersion                ETag of the grain: NULL when it never stored state
--   @PayloadBinary                    the serialized state (System.Text.Json, see AddLowCodeStorage)
-- Reads return the columns PayloadBinary and Version (Npgsql matches names case-insensitively).
-- Writes return exactly one row with NewGrainStateVersion: the new version, or NULL when the ETag
-- was stale, which the provider turns into an InconsistentStateException.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,     -- NULL after ClearStateAsync
    ModifiedOn             timestamptz NOT NULL, -- informational
    Version                integer     NOT NULL  -- the ETag
);

-- One row per grain. The unique index is both the lookup path (hashes first) and the guard that
-- lets exactly one of two racing first writes insert (ON CONFLICT DO NOTHING). The nullable key
-- column is indexed as (IS NULL, value) so NULL and the empty string stay distinct on any version.
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain ON OrleansStorage
(
    GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString,
    (GrainIdExtensionString IS NULL), COALESCE(GrainIdExtensionString, ''), ServiceId
);

-- Query texts are upserted, so a new release replaces the text an older one stored.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND ServiceId = @ServiceId;
'),
-- One statement: with an ETag only the UPDATE can match, without one only the INSERT runs. The
-- scalar sub-select yields NULL when neither wrote, so a row always comes back.
('WriteToStorageKey', '
    WITH updated AS (
        UPDATE OrleansStorage
        SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = now()
        WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainTypeString = @GrainTypeString
          AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
          AND ServiceId = @ServiceId
          AND Version = @GrainStateVersion
        RETURNING Version),
    inserted AS (
        INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
            GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
            @GrainIdExtensionString, @ServiceId, @PayloadBinary, now(), 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING Version)
    SELECT (SELECT Version FROM updated UNION ALL SELECT Version FROM inserted) AS NewGrainStateVersion;
'),
-- Clearing keeps the row (payload NULL, version + 1) so the ETag keeps counting up.
('ClearStorageKey', '
    WITH cleared AS (
        UPDATE OrleansStorage
        SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
        WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainTypeString = @GrainTypeString
          AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
          AND ServiceId = @ServiceId
          AND Version = @GrainStateVersion
        RETURNING Version)
    SELECT (SELECT Version FROM cleared) AS NewGrainStateVersion;
'),
-- Used instead of ClearStorageKey when AdoNetGrainStorageOptions.DeleteStateOnClear is set; the
-- provider expects the deleted version + 1 back.
('DeleteStorageKey', '
    WITH deleted AS (
        DELETE FROM OrleansStorage
        WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainTypeString = @GrainTypeString
          AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
          AND ServiceId = @ServiceId
          AND Version = @GrainStateVersion
        RETURNING Version)
    SELECT (SELECT Version + 1 FROM deleted) AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- LowCode's own grain storage for the "tickets" storage (LowCodeGrainStorage): one row per grain
-- state, written by the silo's group-commit writer in the same transaction as the read-model rows
-- the state brings along. version is the ETag (1 on insert, +1 per write or clear); state is the
-- System.Text.Json document, NULL after ClearStateAsync. Rows stored by earlier versions in
-- OrleansStorage are read when a grain has no row here, and move here on its next write.
CREATE TABLE IF NOT EXISTS lc_grain_state
(
    service_id text   NOT NULL,
    grain_type text   NOT NULL, -- the state name ([PersistentState("ticket", ...)])
    grain_id   text   NOT NULL, -- the grain id as Orleans prints it: "ticket/T-1"
    version    bigint NOT NULL,
    state      text   NULL,
    updated_at bigint NOT NULL, -- Unix milliseconds, informational
    PRIMARY KEY (service_id, grain_type, grain_id)
);
