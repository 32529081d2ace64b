using System.Data.Common;
using LowCode.Grains.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LowCode.Grains.ReadModel;

/// <summary>The SQL database LowCode keeps its read model and timers in (the same one Orleans uses).</summary>
public sealed class LowCodeDatabase(StorageKind kind, string connectionString)
{
    public StorageKind Kind { get; } = kind;
    public string ConnectionString { get; } = connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = Kind == StorageKind.Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        if (Kind == StorageKind.Sqlite)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        return connection;
    }

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) Add(command, name, value);
        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }
}
