using LowCode.Grains.Storage;
using Npgsql;
using Orleans.Hosting;
using Xunit;

namespace LowCode.Grains.Tests.Storage;

/// <summary>
/// Cluster mode: membership, grain state and reminders in PostgreSQL. Each test uses its own
/// cluster and service id in the shared test database and deletes its rows at the end.
/// </summary>
public sealed class PostgresStorageTests
{
    [Fact]
    public async Task Applying_the_schema_from_three_tasks_at_once_is_harmless()
    {
        var database = await TestPostgres.CreateScratchDatabaseAsync();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => OrleansSchema.ApplyAsync(StorageKind.Postgres, database))));
            await OrleansSchema.ApplyAsync(StorageKind.Postgres, database);

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansQuery", connection);
            Assert.Equal(4L + 9 + 7, await command.ExecuteScalarAsync()); // persistence + clustering + reminders
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    [Fact]
    public async Task Ticket_state_survives_a_silo_restart_and_stale_writes_are_rejected()
    {
        var database = await TestPostgres.ConnectionStringAsync();
        var cluster = NewClusterId();
        try
        {
            await using (var silo = await TestSilo.StartAsync(TestSilo.Options(StorageKind.Postgres, database, cluster)))
            {
                await silo.Grains.GetGrain<ITestTicketGrain>("T-1").AddNote("opened");
            }

            await using (var silo = await TestSilo.StartAsync(TestSilo.Options(StorageKind.Postgres, database, cluster)))
            {
                Assert.Equal(["opened"], await silo.Grains.GetGrain<ITestTicketGrain>("T-1").Notes());
                await StaleWrites.AreRejectedAsync(silo.Services);
            }
        }
        finally
        {
            await TestPostgres.ForgetAsync(database, cluster, cluster);
        }
    }

    [Fact]
    public async Task Two_silos_form_one_cluster_and_a_ticket_moves_with_its_state_when_its_silo_stops()
    {
        var database = await TestPostgres.ConnectionStringAsync();
        var cluster = NewClusterId();
        try
        {
            await using var a = await TestSilo.StartAsync(TestSilo.Options(StorageKind.Postgres, database, cluster));
            await using var b = await TestSilo.StartAsync(TestSilo.Options(StorageKind.Postgres, database, cluster));

            var throughA = a.Grains.GetGrain<ITestTicketGrain>("T-1");
            await throughA.AddNote("opened");
            Assert.Equal(a.Address, await throughA.Silo());

            // Silo B reaches the activation on A: one cluster.
            var throughB = b.Grains.GetGrain<ITestTicketGrain>("T-1");
            Assert.Equal(a.Address, await throughB.Silo());

            await a.StopAsync();

            Assert.Equal(b.Address, await throughB.Silo());
            Assert.Equal(["opened"], await throughB.Notes());
        }
        finally
        {
            await TestPostgres.ForgetAsync(database, cluster, cluster);
        }
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_in_the_next_process()
    {
        var database = await TestPostgres.ConnectionStringAsync();
        var cluster = NewClusterId();
        var clock = $"sla-{Guid.NewGuid():N}";
        // Orleans refuses periods under a minute by default; a test may go lower.
        static void FastReminders(ISiloBuilder silo) =>
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        try
        {
            await using (var first = await TestSilo.StartAsync(TestSilo.Options(StorageKind.Postgres, database, cluster), FastReminders))
            {
                await first.Grains.GetGrain<ITestSlaClockGrain>(clock).Start(due: TimeSpan.FromSeconds(1), period: TimeSpan.FromSeconds(1));
            }

            await using var next = await TestSilo.StartAsync(TestSilo.Options(StorageKind.Postgres, database, cluster), FastReminders);
            await FirstTickAsync(clock, next.Address);

            await next.Grains.GetGrain<ITestSlaClockGrain>(clock).Stop();
        }
        finally
        {
            await TestPostgres.ForgetAsync(database, cluster, cluster);
        }
    }

    private static string NewClusterId() => $"test-{Guid.NewGuid():N}";

    // Waits on the ticks the clock grains report; the timeout only keeps a broken run from hanging.
    private static async Task FirstTickAsync(string clock, string silo)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await foreach (var tick in TestSlaClockGrain.Ticks.Reader.ReadAllAsync(guard.Token))
            {
                if (tick.Clock == clock && tick.Silo == silo) return;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Reminder of {clock} did not fire on silo {silo} within 30 s.");
        }
    }
}
