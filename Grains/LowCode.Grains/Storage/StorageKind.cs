namespace LowCode.Grains.Storage;

/// <summary>Where LowCode keeps Orleans state, its read model and its timers.</summary>
public enum StorageKind
{
    /// <summary>Embedded mode: one silo, localhost clustering, a SQLite file in the data folder.</summary>
    Sqlite,

    /// <summary>Cluster mode: N silos sharing one PostgreSQL database for membership, state and reminders.</summary>
    Postgres,
}
