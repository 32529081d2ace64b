using System.Diagnostics;
using System.Text.Json;
using LowCode.Benchmarks.Harness;
using LowCode.Grains.Agents;
using LowCode.Grains.Dispatch;
using LowCode.Grains.Hosting;
using LowCode.Grains.Organisation;
using LowCode.Grains.Storage;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Dispatch;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Json;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5a: the repair type's rule ("skill and region, on duty, least loaded"; no team, so every agent is in the
/// pool) dispatches repair tasks over <see cref="AgentCrowd"/> through the silo's real <see cref="Dispatcher"/>:
/// org snapshot, ranking, decision record, and the agent grains reserving capacity (each reservation stored in
/// SQLite before it is answered). The baseline is the pure ranking alone on the same agents in the same run.
/// Afterwards every agent grain is asked for its workload: an agent above capacity fails the run.
/// </summary>
public sealed class DispatchScenario : IScenario
{
    public const string Title = "5 dispatch";

    public string Name => "dispatch";

    public async Task RunAsync(RunContext run)
    {
        var smoke = run.Options.Smoke;
        var (agents, rankings, warmUp) = smoke ? (1_000, 200, 50) : (10_000, 2_000, 500);
        (int Callers, int Assignments)[] steps = smoke ? [(1, 100), (8, 300)] : [(1, 2_000), (16, 10_000)];

        await using var host = await LowCodeHost.StartAsync(await run.NewStoreAsync(StorageKind.Sqlite, "dispatch"));
        var clock = host.Services.GetRequiredService<TicketClock>();
        var crowd = AgentCrowd.Create(agents, clock.Now);
        var seeding = Stopwatch.StartNew();
        await crowd.SeedAsync(host);
        Console.Error.WriteLine($"    {agents:N0} agents seeded in {seeding.Elapsed.TotalSeconds:N1} s");

        var compiled = await host.Services.GetRequiredService<PlanCache>().GetAsync(LowCodeHost.RepairType, 1);
        var tickets = new RepairTickets(compiled, clock.Now);
        var dispatcher = host.Services.GetRequiredService<Dispatcher>();

        var pure = await MeasureRankingAsync(host, compiled, tickets, rankings);
        var pool = $"{agents:N0} agents";
        run.Report.Add(new Row(Title, $"pure ranking step, {pool} (filter + least loaded), 1 thread: rankings / s", new Figure(pure.PerSecond, "/s", 0)));

        await CountedLoop.RunAsync(4, warmUp, n => dispatcher.DispatchAsync(compiled, tickets.Ticket(-n), tickets.Task, clock.Now));
        DispatchDecision? sample = null;
        foreach (var (callers, count) in steps)
        {
            long assigned = 0;
            var load = await CountedLoop.RunAsync(callers, count, async n =>
            {
                var decision = await dispatcher.DispatchAsync(compiled, tickets.Ticket(callers * 1_000_000L + n), tickets.Task, clock.Now);
                if (decision.Hold is not null) Interlocked.Increment(ref assigned);
                sample ??= decision;
            });
            var at = $"Dispatcher + agent grains (SQLite), {pool}, {callers} caller(s)";
            run.Report.Add(new Row(Title, $"{at}: assignments / s", new Figure(load.PerSecond, "/s", 0))
                { Baseline = "pure ranking, 1 thread", BaselineValue = new Figure(pure.PerSecond, "/s", 0), Target = callers > 1 ? Target.AtLeast("≥ 2,000 / s", 2_000) : null });
            run.Report.Add(new Row(Title, $"{at}: p50 latency per assignment", load.Latency.P50) { Baseline = "pure ranking p50", BaselineValue = pure.Latency.P50 });
            run.Report.Add(new Row(Title, $"{at}: p99 latency per assignment", load.Latency.P99)
                { Baseline = "pure ranking p99", BaselineValue = pure.Latency.P99, Target = Target.AtMost("< 10 ms", 10) });
            run.Report.Add(new Row(Title, $"{at}: tasks given to an agent (the rest fell back to the queue)", new Figure(100.0 * assigned / Math.Max(1, load.Operations), "%", 1)));
            if (load.Failures > 0) throw new InvalidOperationException($"{load.Failures} dispatches failed at {callers} caller(s).");
        }
        if (sample is not null)
            run.Report.Add(Title, $"decision record on the timeline for a {pool} pool (JSON)", new Figure(JsonSerializer.SerializeToUtf8Bytes(sample.Record, LowCodeJson.Options).Length / 1024.0, "KB", 1));

        var over = await OverCapacityAsync(host, crowd);
        run.Report.Add(Title, "agents above capacity afterwards (agent grains asked)", new Figure(over, ""), "0");
        if (over > 0) throw new InvalidOperationException($"{over} agent(s) hold more than their capacity.");
        run.Report.Note("Dispatch: the repair type's rule has no team, so all agents are in the pool; its filter " +
            "(`agent.Skills.Contains(form.Category) && agent.Region == form.Site && agent.OnDuty`) passes about 7 % of them. " +
            "Each assignment is one call of the silo's Dispatcher (what a ticket grain does when a task opens), including the " +
            "decision record and the agent grain's stored reservation, but not the ticket's own write.");
    }

    /// <summary>The Dispatcher's ranking step alone (<see cref="Dispatcher.Rank"/>): pool, filter, workload as this silo sees it, order — no agent is asked.</summary>
    private static async Task<LoadResult> MeasureRankingAsync(LowCodeHost host, CompiledTicketType compiled, RepairTickets tickets, int count)
    {
        var snapshot = await host.Services.GetRequiredService<OrgDirectory>().CurrentAsync();
        var rule = compiled.Definition.DispatchRules[0]!;
        var policy = host.Services.GetRequiredService<DispatchPolicies>().For(compiled, rule);
        var dispatcher = host.Services.GetRequiredService<Dispatcher>();
        var now = host.Services.GetRequiredService<TicketClock>().Now;
        long ranked = 0;
        var result = await CountedLoop.RunAsync(1, count, n =>
        {
            ranked += dispatcher.Rank(snapshot, compiled, rule, policy, tickets.Ticket(n), now).Ranking.Ranked.Count;
            return Task.CompletedTask;
        });
        return ranked == 0 ? throw new InvalidOperationException("The ranking found nobody: the crowd does not fit the rule.") : result;
    }

    private static async Task<int> OverCapacityAsync(LowCodeHost host, AgentCrowd crowd)
    {
        var over = 0;
        await Parallel.ForEachAsync(crowd.Agents, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (agent, _) =>
        {
            var workload = await host.Grains.GetGrain<IAgentGrain>(agent.UserId).GetWorkload();
            if (workload.Load > workload.Capacity) Interlocked.Increment(ref over);
        });
        return over;
    }

    /// <summary>Repair tickets just opened, one per site and fault type, reused under new ids (each id is a new task to hold).</summary>
    private sealed class RepairTickets
    {
        private readonly TicketState[] _templates;

        public RepairTickets(CompiledTicketType compiled, DateTimeOffset now)
        {
            _templates = new TicketState[AgentCrowd.FormSites.Length * AgentCrowd.FormCategories.Length];
            for (var i = 0; i < _templates.Length; i++)
            {
                var (site, category) = AgentCrowd.TicketAt(i);
                var form = LowCodeHost.RepairForm.SetItem("Site", site).SetItem("Category", category);
                _templates[i] = WorkflowEngine.Start(compiled.Plan, "T-template", new StartTicket(form)
                {
                    At = now, Actor = LowCodeHost.Requester.Id, Requester = LowCodeHost.Requester, Title = "Press #4 motor trips",
                }).State;
            }
            Task = _templates[0].OpenTasks.Single(t => t.Assignment.Rule is not null);
        }

        /// <summary>The repair task (the same id in every template: the engine numbers tasks per ticket).</summary>
        public TaskState Task { get; }

        public TicketState Ticket(long n) => _templates[(int)(((n % _templates.Length) + _templates.Length) % _templates.Length)] with { TicketId = $"T-DSP-{n}" };
    }
}
