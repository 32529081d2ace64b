using System.Diagnostics;
using LowCode.Benchmarks.Harness;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.Tickets;
using LowCode.Runtime.Execution;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// Scenario 6 (full mode only): memory per active ticket grain and host RSS, then the read model's queue
/// queries ("my open tasks", "team queue") over many stored tickets, on a fresh embedded (SQLite) silo.
/// </summary>
public sealed class MemoryAndScale : IScenario
{
    public const string Title = "6 memory and scale";
    private const int Agents = 1_000;
    private const int Teams = 50;

    public string Name => "scale";

    public bool InSmoke => false;

    public async Task RunAsync(RunContext run)
    {
        var stored = run.Options.Scale;
        var active = Math.Max(1_000, stored / 10);
        var templates = Math.Min(1_500, Math.Max(300, stored / 100));
        await using var host = await LowCodeHost.StartAsync(await run.NewStoreAsync(StorageKind.Sqlite, "scale"));

        // Real tickets: a third closed, a third claimed by a technician, a third waiting in the team queue.
        var rssBefore = Rss();
        var heapBefore = Heap();
        var opened = await ParallelAsync(templates, 32, async i =>
        {
            var ticket = await host.OpenAsync($"T-S-{i}");
            switch (i % 3)
            {
                case 0:
                    ticket = await host.CompleteAsync(ticket, "repair", "repaired", "u-agent");
                    await host.CompleteAsync(ticket, "qualityCheck", "pass", "u-inspector");
                    break;
                case 1:
                    var task = ticket.OpenTasks.First(t => t.NodeId == "repair");
                    await host.Grains.GetGrain<ITicketGrain>(ticket.TicketId).Apply(new AssignTask(task.Id, "u-agent") { Actor = "u-agent" });
                    break;
            }
        });
        var heapTickets = Heap();
        var perTicket = (heapTickets - heapBefore) / (double)opened;
        run.Report.Add(new Row(Title, $"heap per active ticket grain with its data ({opened:N0} real tickets, incl. their SLA deadlines in the timer shards)",
            new Figure(perTicket, "B")) { Baseline = "the ticket's stored state (JSON)", BaselineValue = new Figure(StorageCeiling.TicketJson.Value.Length, "B") });

        // Empty activations: what a grain costs beyond its data.
        var heapEmpty = Heap();
        var activated = await ParallelAsync(active, 64, i => host.Grains.GetGrain<ITicketGrain>($"T-A-{i}").Get());
        var perGrain = (Heap() - heapEmpty) / (double)activated;
        run.Report.Add(new Row(Title, $"heap per active ticket grain beyond its data ({activated:N0} activations with no stored state)", new Figure(perGrain, "B"))
            { Target = Target.AtMost("≤ 4 KB", 4096) });
        run.Report.Add(new Row(Title, $"host RSS with {activated + opened:N0} active ticket grains", new Figure(Rss() / 1048576.0, "MB"))
            { Baseline = "RSS before the grains", BaselineValue = new Figure(rssBefore / 1048576.0, "MB") });

        // Queue queries: first over the real tickets alone (baseline), then over `stored` tickets.
        var readModel = host.ReadModel;
        var (mineSmall, queueSmall) = await QueriesAsync(readModel, run.Options.Smoke ? 20 : 200);
        var copies = await ReplicateAsync(readModel.Database, stored);
        var total = await CountAsync(readModel.Database);
        var (mine, queue) = await QueriesAsync(readModel, 200);
        var at = $"{total:N0} stored tickets";
        foreach (var (name, big, small) in new[] { ("my open tasks", mine, mineSmall), ("team queue", queue, queueSmall) })
        {
            run.Report.Add(new Row(Title, $"{at}: \"{name}\" p50", big.P50) { Baseline = $"{opened:N0} tickets", BaselineValue = small.P50 });
            run.Report.Add(new Row(Title, $"{at}: \"{name}\" p99 ({big.Count} queries)", big.P99)
                {
                    Baseline = $"{opened:N0} tickets", BaselineValue = small.P99,
                    Target = total >= 1_000_000 ? Target.AtMost("< 20 ms at 1,000,000 tickets", 20) : Target.Info($"< 20 ms at 1,000,000 tickets (not judged at {total:N0})"),
                });
        }
        run.Report.Note($"Memory and scale (--scale {stored:N0}): SQLite (embedded mode) only. Heap figures are GC heap deltas after full collections divided by the grains activated " +
            "(same process as the load driver; Orleans keeps the activations alive during the measurement). RSS is this process's resident set (silo, read model, driver). " +
            $"Stored tickets: {opened:N0} real tickets went through the grains and the read model; the other {copies:N0} read-model rows are SQL copies of those rows " +
            $"with new ids, creation times, the claimed tasks spread over {Agents:N0} technicians and the queues over {Teams} teams (lc_tickets and lc_ticket_keys only; grain state was not copied). " +
            "\"My open tasks\" is TicketReadModel.ListTicketsAsync(status open, assignee = one technician, 50 a page); \"team queue\" is the same with the visibility of one team " +
            "(what the workspace lists). Both read a page of lc_ticket_keys (one indexed row per ticket and person/team mark, newest first) and count the marks; the copies got their marks by SQL too.");
    }

    private static async Task<int> ParallelAsync(int count, int concurrency, Func<int, Task> work)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await work(i);
        })));
        return count;
    }

    private static async Task<(Latency Mine, Latency Queue)> QueriesAsync(TicketReadModel readModel, int maxQueries)
    {
        var (mine, queue) = (new Latency(), new Latency());
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < maxQueries && (i < 20 || budget.Elapsed < TimeSpan.FromSeconds(40)); i++)
        {
            var start = Stopwatch.GetTimestamp();
            await readModel.ListTicketsAsync(new TicketQuery { Status = "open", Assignee = i % 2 == 0 ? "u-agent" : $"u-agent{i % Agents}", PageSize = 50 });
            mine.RecordSince(start);
            start = Stopwatch.GetTimestamp();
            var team = i % 2 == 0 ? "maintenance" : $"team-{i % Teams}";
            await readModel.ListTicketsAsync(new TicketQuery { Status = "open", Visibility = new TicketVisibility(null, [], [team], []), PageSize = 50 });
            queue.RecordSince(start);
        }
        return (mine, queue);
    }

    /// <summary>Copies the projected ticket rows until the table holds <paramref name="target"/> rows, in transactions of about 50,000 rows.</summary>
    private static async Task<long> ReplicateAsync(LowCodeDatabase database, int target)
    {
        var existing = await CountAsync(database);
        var rounds = (int)Math.Ceiling((target - existing) / (double)existing);
        long copied = 0;
        await using var connection = await database.OpenAsync();
        var perTransaction = Math.Max(1, (int)(50_000 / existing));
        for (var from = 1; from <= rounds; from += perTransaction)
        {
            var to = Math.Min(rounds, from + perTransaction - 1);
            await using var tx = await connection.BeginTransactionAsync();
            await using var copy = LowCodeDatabase.Command(connection, """
                WITH RECURSIVE copies(n) AS (SELECT @from UNION ALL SELECT n + 1 FROM copies WHERE n < @to)
                INSERT INTO lc_tickets (id, type, version, title, status, resolution, priority, requester_id, requester_name, assignees, current_steps,
                    created_at, updated_at, closed_at, due_at, sequence, parent_id, involved, form_json, search_text)
                SELECT t.id || '-' || copies.n, t.type, t.version, t.title, t.status, t.resolution, t.priority, t.requester_id, t.requester_name,
                    REPLACE(t.assignees, '|u-agent|', '|u-agent' || (copies.n % @agents) || '|'), t.current_steps,
                    t.created_at - copies.n * 60000, t.updated_at - copies.n * 60000, t.closed_at, t.due_at, t.sequence, t.parent_id,
                    REPLACE(REPLACE(t.involved, '|t:maintenance|', '|t:team-' || (copies.n % @teams) || '|'), '|u:u-agent|', '|u:u-agent' || (copies.n % @agents) || '|'),
                    t.form_json, t.search_text
                FROM lc_tickets t CROSS JOIN copies WHERE t.id LIKE 'T-S-%' AND t.id NOT LIKE 'T-S-%-%'
                """, tx, ("@from", from), ("@to", to), ("@agents", Agents), ("@teams", Teams));
            copied += await copy.ExecuteNonQueryAsync();
            // The copies' marks (queues and "my tasks" read lc_ticket_keys), renamed the same way as the columns above.
            await using var marks = LowCodeDatabase.Command(connection, """
                WITH RECURSIVE copies(n) AS (SELECT @from UNION ALL SELECT n + 1 FROM copies WHERE n < @to)
                INSERT INTO lc_ticket_keys (ticket_id, key, status, created_at)
                SELECT k.ticket_id || '-' || copies.n,
                    CASE k.key WHEN 't:maintenance' THEN 't:team-' || (copies.n % @teams)
                               WHEN 'u:u-agent' THEN 'u:u-agent' || (copies.n % @agents)
                               WHEN 'a:u-agent' THEN 'a:u-agent' || (copies.n % @agents)
                               ELSE k.key END,
                    k.status, k.created_at - copies.n * 60000
                FROM lc_ticket_keys k CROSS JOIN copies WHERE k.ticket_id LIKE 'T-S-%' AND k.ticket_id NOT LIKE 'T-S-%-%'
                """, tx, ("@from", from), ("@to", to), ("@agents", Agents), ("@teams", Teams));
            await marks.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
        return copied;
    }

    private static async Task<long> CountAsync(LowCodeDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var count = LowCodeDatabase.Command(connection, "SELECT COUNT(*) FROM lc_tickets");
        return Convert.ToInt64(await count.ExecuteScalarAsync());
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long Rss() { using var self = Process.GetCurrentProcess(); return self.WorkingSet64; }
}
