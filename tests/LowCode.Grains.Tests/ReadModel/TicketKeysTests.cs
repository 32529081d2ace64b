using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.Tests.Storage;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using Xunit;
using TaskStatus = LowCode.Runtime.Execution.TaskStatus;

namespace LowCode.Grains.Tests.ReadModel;

/// <summary>Queues and "my tickets" read from lc_ticket_keys: the same answers the access rule gives, newest first, paged.</summary>
public abstract class TicketKeysTests : IAsyncLifetime
{
    private LowCodeDatabase _database = null!;
    private TicketReadModel _readModel = null!;
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    protected abstract Task<LowCodeDatabase> CreateDatabaseAsync();
    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        await OrleansSchema.ApplyAsync(_database.Kind, _database.ConnectionString);
        _readModel = new TicketReadModel(_database);
        await _readModel.ApplySchemaAsync();
    }

    public Task DisposeAsync() => DropDatabaseAsync();

    /// <summary>Ticket i: requested by u-req{i%2}; an open task assigned to u-tech{i%3}, offered to team-{i%4}; every 5th closed.</summary>
    private static TicketState Ticket(int i, long sequence = 1) => new()
    {
        TicketId = $"T-{i:000}", TicketType = "equipment-repair", Version = 1, Title = $"Ticket {i}", Sequence = sequence,
        Requester = new PersonInfo($"u-req{i % 2}", "Requester"), CreatedAt = Monday.AddMinutes(i),
        Status = i % 5 == 0 ? TicketStatus.Closed : TicketStatus.Open,
        Tasks = [new TaskState($"task-{i}", "t1", "repair", "Repair")
        {
            Status = i % 5 == 0 ? TaskStatus.Completed : TaskStatus.Open, Assignee = $"u-tech{i % 3}", CreatedAt = Monday.AddMinutes(i),
            Assignment = new Assignment { To = new Participant(ParticipantKind.Team, $"team-{i % 4}") },
        }],
    };

    private async Task ProjectAll(int count)
    {
        for (var i = 0; i < count; i++) await _readModel.ProjectAsync(Ticket(i), null, []);
    }

    private static IEnumerable<int> Expected(int count, Func<int, bool> match) =>
        Enumerable.Range(0, count).Where(match).OrderByDescending(i => i);

    private static IEnumerable<int> Numbers(TicketPage page) => page.Items.Select(r => int.Parse(r.Id[2..]));

    [Fact]
    public async Task Team_queue_pages_newest_first_with_the_right_total()
    {
        await ProjectAll(120);
        var visibility = new TicketVisibility(null, [], ["team-1"], []);
        var expected = Expected(120, i => i % 4 == 1 && i % 5 != 0).ToList();

        var first = await _readModel.ListTicketsAsync(new TicketQuery { Status = "open", Visibility = visibility, PageSize = 10 });
        var second = await _readModel.ListTicketsAsync(new TicketQuery { Status = "open", Visibility = visibility, PageSize = 10, Page = 2 });

        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(expected.Take(10), Numbers(first));
        Assert.Equal(expected.Skip(10).Take(10), Numbers(second));
    }

    [Fact]
    public async Task Several_marks_merge_without_duplicates()
    {
        await ProjectAll(60);
        // Requested by u-req0 OR queued for team-2 (tickets matching both appear once).
        var visibility = new TicketVisibility("u-req0", [], ["team-2"], []);
        var expected = Expected(60, i => i % 2 == 0 || i % 4 == 2).ToList();

        var all = await _readModel.ListTicketsAsync(new TicketQuery { Visibility = visibility, PageSize = 100 });

        Assert.Equal(expected, Numbers(all));
        Assert.Equal(expected.Count, all.Total);
    }

    [Fact]
    public async Task My_open_tasks_follow_the_assignee_and_closing_removes_them()
    {
        await ProjectAll(30);
        var mine = await _readModel.ListTicketsAsync(new TicketQuery { Status = "open", Assignee = "u-tech2", PageSize = 50 });
        Assert.Equal(Expected(30, i => i % 3 == 2 && i % 5 != 0), Numbers(mine));

        // Ticket 2 is closed later: it leaves the open list; a stale replay of its older state changes nothing.
        var closed = Ticket(2, sequence: 2) with { Status = TicketStatus.Closed, Tasks = [Ticket(2).Tasks[0] with { Status = TaskStatus.Completed }] };
        await _readModel.ProjectAsync(closed, null, []);
        await _readModel.ProjectAsync(Ticket(2, sequence: 1), null, []);

        var after = await _readModel.ListTicketsAsync(new TicketQuery { Status = "open", Assignee = "u-tech2", PageSize = 50 });
        Assert.DoesNotContain(2, Numbers(after));
        Assert.Equal(Numbers(mine).Count() - 1, after.Total);
    }

    [Fact]
    public async Task Marks_combine_with_other_filters()
    {
        await ProjectAll(40);
        var page = await _readModel.ListTicketsAsync(new TicketQuery
        {
            Status = "open", Assignee = "u-tech1", Visibility = new TicketVisibility(null, [], ["team-3"], []), Text = "ticket", PageSize = 50,
        });
        Assert.Equal(Expected(40, i => i % 3 == 1 && i % 4 == 3 && i % 5 != 0), Numbers(page));
    }

    [Fact]
    public async Task A_database_from_before_the_marks_table_is_backfilled_at_start_up()
    {
        await ProjectAll(25);
        await using (var connection = await _database.OpenAsync())
        await using (var wipe = LowCodeDatabase.Command(connection, "DELETE FROM lc_ticket_keys"))
            await wipe.ExecuteNonQueryAsync();

        await new TicketReadModel(_database).ApplySchemaAsync();

        var queue = await _readModel.ListTicketsAsync(new TicketQuery { Visibility = new TicketVisibility(null, [], ["team-0"], []), PageSize = 50 });
        Assert.Equal(Expected(25, i => i % 4 == 0), Numbers(queue));
    }

    [Fact]
    public async Task Someone_with_no_marks_sees_nothing()
    {
        await ProjectAll(5);
        var page = await _readModel.ListTicketsAsync(new TicketQuery { Visibility = TicketVisibility.None });
        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }
}

public sealed class SqliteTicketKeysTests : TicketKeysTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lowcode-keys-{Guid.NewGuid():N}.db");

    protected override Task<LowCodeDatabase> CreateDatabaseAsync() => Task.FromResult(new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={_file}"));

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }
}

public sealed class PostgresTicketKeysTests : TicketKeysTests
{
    private string _connectionString = "";

    protected override async Task<LowCodeDatabase> CreateDatabaseAsync()
    {
        _connectionString = await TestPostgres.CreateScratchDatabaseAsync();
        return new LowCodeDatabase(StorageKind.Postgres, _connectionString);
    }

    protected override Task DropDatabaseAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        return TestPostgres.DropAsync(_connectionString);
    }
}
