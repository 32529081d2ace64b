using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using LowCode.Grains.ReadModel;
using LowCode.Runtime.Json;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Grains.Organisation;

/// <summary>
/// The org tables (org.sql): reads the whole organisation as a snapshot and writes one team, department
/// or agent at a time. Every write bumps the org version in the same transaction.
/// </summary>
public sealed class OrgStore(LowCodeDatabase database)
{
    public LowCodeDatabase Database => database;

    public static string Schema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LowCode.Org.org.sql")
            ?? throw new InvalidOperationException("org.sql is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    }

    public async Task<long> VersionAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await Version(connection, ct);
    }

    public async Task<OrgSnapshot> LoadAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var version = await Version(connection, ct, tx);
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var row in Rows(connection, tx, "SELECT team_key, user_id FROM lc_team_members ORDER BY team_key, user_id", ct))
            (members.TryGetValue(row.GetString(0), out var list) ? list : (members[row.GetString(0)] = [])).Add(row.GetString(1));
        var teams = new List<Team>();
        await foreach (var row in Rows(connection, tx, "SELECT key, name, description, lead_id, updated_at, updated_by FROM lc_teams", ct))
            teams.Add(new Team(row.GetString(0), row.GetString(1))
            {
                Description = Text(row, 2), Lead = Text(row, 3), Members = members.GetValueOrDefault(row.GetString(0)) ?? [],
                UpdatedAt = Time(row, 4), UpdatedBy = row.GetString(5),
            });
        var departments = new List<Department>();
        await foreach (var row in Rows(connection, tx, "SELECT key, name, head_id, updated_at, updated_by FROM lc_departments", ct))
            departments.Add(new Department(row.GetString(0), row.GetString(1)) { Head = Text(row, 2), UpdatedAt = Time(row, 3), UpdatedBy = row.GetString(4) });
        var agents = new List<AgentProfile>();
        await foreach (var row in Rows(connection, tx, "SELECT profile_json FROM lc_agents", ct))
            agents.Add(Profile(row.GetString(0)));
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in Rows(connection, tx, "SELECT assignee, COUNT(*) FROM lc_tasks WHERE status = 'open' AND assignee IS NOT NULL GROUP BY assignee", ct))
            open[row.GetString(0)] = Convert.ToInt32(row.GetValue(1));
        await tx.CommitAsync(ct);
        return new OrgSnapshot(version, agents, teams, departments, open);
    }

    public async Task<AgentProfile?> AgentAsync(string userId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, "SELECT profile_json FROM lc_agents WHERE user_id = @id", null, ("@id", userId));
        return await command.ExecuteScalarAsync(ct) is string json ? Profile(json) : null;
    }

    /// <summary>Creates (when <paramref name="create"/>; false if the key is taken) or replaces a team with its members.</summary>
    public Task<bool> SaveTeamAsync(Team team, bool create, CancellationToken ct = default) => Write(async (c, tx) =>
    {
        var sql = create
            ? "INSERT INTO lc_teams (key, name, description, lead_id, updated_at, updated_by) VALUES (@key, @name, @description, @lead, @at, @by) ON CONFLICT (key) DO NOTHING"
            : """
              INSERT INTO lc_teams (key, name, description, lead_id, updated_at, updated_by) VALUES (@key, @name, @description, @lead, @at, @by)
              ON CONFLICT (key) DO UPDATE SET name = excluded.name, description = excluded.description, lead_id = excluded.lead_id,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by
              """;
        if (await Execute(c, tx, sql, ct, ("@key", team.Key), ("@name", team.Name), ("@description", team.Description), ("@lead", team.Lead),
                ("@at", team.UpdatedAt.ToUnixTimeMilliseconds()), ("@by", team.UpdatedBy)) == 0)
            return false;
        await Execute(c, tx, "DELETE FROM lc_team_members WHERE team_key = @key", ct, ("@key", team.Key));
        foreach (var member in team.Members.Distinct(StringComparer.Ordinal))
            await Execute(c, tx, "INSERT INTO lc_team_members (team_key, user_id) VALUES (@key, @user)", ct, ("@key", team.Key), ("@user", member));
        return true;
    }, ct);

    public Task<bool> DeleteTeamAsync(string key, CancellationToken ct = default) => Write(async (c, tx) =>
    {
        await Execute(c, tx, "DELETE FROM lc_team_members WHERE team_key = @key", ct, ("@key", key));
        return await Execute(c, tx, "DELETE FROM lc_teams WHERE key = @key", ct, ("@key", key)) > 0;
    }, ct);

    public Task<bool> SaveDepartmentAsync(Department department, CancellationToken ct = default) => Write(async (c, tx) =>
        await Execute(c, tx, """
            INSERT INTO lc_departments (key, name, head_id, updated_at, updated_by) VALUES (@key, @name, @head, @at, @by)
            ON CONFLICT (key) DO UPDATE SET name = excluded.name, head_id = excluded.head_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, ct, ("@key", department.Key), ("@name", department.Name), ("@head", department.Head),
            ("@at", department.UpdatedAt.ToUnixTimeMilliseconds()), ("@by", department.UpdatedBy)) > 0, ct);

    public Task<bool> SaveAgentAsync(AgentProfile agent, CancellationToken ct = default) => Write(async (c, tx) =>
        await Execute(c, tx, """
            INSERT INTO lc_agents (user_id, name, profile_json, updated_at, updated_by) VALUES (@id, @name, @json, @at, @by)
            ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, profile_json = excluded.profile_json,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, ct, ("@id", agent.UserId), ("@name", agent.Name), ("@json", JsonSerializer.Serialize(agent, LowCodeJson.Options)),
            ("@at", agent.UpdatedAt.ToUnixTimeMilliseconds()), ("@by", agent.UpdatedBy)) > 0, ct);

    public Task<bool> DeleteAgentAsync(string userId, CancellationToken ct = default) =>
        Write(async (c, tx) => await Execute(c, tx, "DELETE FROM lc_agents WHERE user_id = @id", ct, ("@id", userId)) > 0, ct);

    /// <summary>Runs a change and bumps the org version in one transaction (only when something changed).</summary>
    private async Task<bool> Write(Func<DbConnection, DbTransaction, Task<bool>> change, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = await change(connection, tx);
        if (changed) await Execute(connection, tx, "UPDATE lc_org_version SET version = version + 1 WHERE id = 1", ct);
        await tx.CommitAsync(ct);
        if (changed) OrgWrites.Commit();
        return changed;
    }

    private static async Task<long> Version(DbConnection connection, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var command = Command(connection, "SELECT version FROM lc_org_version WHERE id = 1", tx);
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value) : 0;
    }

    private static async Task<int> Execute(DbConnection c, DbTransaction tx, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = Command(c, sql, tx, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async IAsyncEnumerable<DbDataReader> Rows(DbConnection c, DbTransaction tx, string sql, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = Command(c, sql, tx);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return reader;
    }

    private static AgentProfile Profile(string json) =>
        JsonSerializer.Deserialize<AgentProfile>(json, LowCodeJson.Options) ?? throw new InvalidOperationException("An agent profile is stored as null.");

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static DateTimeOffset Time(DbDataReader r, int i) => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(i)));
}
