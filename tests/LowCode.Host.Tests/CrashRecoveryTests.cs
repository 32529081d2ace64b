using System.Diagnostics;
using LowCode.Host.Tests.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace LowCode.Host.Tests;

/// <summary>
/// Embedded mode (SQLite) under a hard crash: the host is SIGKILLed while clients open tickets and
/// complete tasks, then started again on the same data folder.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : HostProcessTest(output)
{
    private const string TicketType = "crash-flow";

    [Fact]
    public Task Acknowledged_tickets_completions_and_armed_timers_survive_a_SIGKILL() => RunAsync(async () =>
    {
        var settings = HostSettings.OnFreePorts(NewDataFolder());
        var first = await StartReadyHostAsync("first", settings);
        await first.Api.PublishTicketTypeAsync(TicketType, TestTicketTypes.WorkThenWait(TicketType));

        var load = TicketLoad.Start(first.Http, TicketType, clients: 4, signalAt: 200);
        await load.WaitForCompletionsAsync(TimeSpan.FromSeconds(90));
        first.Kill();
        var killedAt = Stopwatch.GetTimestamp();
        await load.StopAsync(TimeSpan.FromSeconds(10));
        Log($"Killed the host: {load.Tickets.Count} tickets and {load.CompletedWork.Count} completions acknowledged, {load.Refusals} refusals; {string.Join(" | ", load.Endings)}");

        // The last completions were acknowledged just before the kill, so their 3 s timers were armed and pending.
        var pendingAtKill = load.CompletedWork.Values.Count(at => Stopwatch.GetElapsedTime(at, killedAt) < TestTicketTypes.Wait);
        Assert.True(pendingAtKill > 0, "No acknowledged completion had its timer still pending when the host was killed.");
        Log($"{pendingAtKill} timers were pending at the kill");

        var restarted = await StartReadyHostAsync("restarted", settings);
        var restartedAt = Stopwatch.StartNew();

        // Every acknowledged ticket exists, and every acknowledged completion is in it.
        var tickets = await Recovery.ReadAllAsync(restarted.Api, load.Tickets.Keys);
        foreach (var (id, workTaskId) in load.Tickets)
        {
            var ticket = tickets[id] ?? throw new Xunit.Sdk.XunitException($"Acknowledged ticket {id} is missing after the crash.");
            if (!load.CompletedWork.ContainsKey(id)) continue;
            var work = ticket.Tasks.SingleOrDefault(t => t.Id == workTaskId);
            Assert.True(work is { Status: "completed", Action: "done" }, $"The acknowledged completion of {workTaskId} is missing after the crash: {ticket}");
        }

        // The timers armed before the crash fire after the restart: every completed ticket reaches "after".
        var afterTimers = await Recovery.PollAsync(TimeSpan.FromSeconds(30), async () =>
        {
            var now = await Recovery.ReadAllAsync(restarted.Api, load.CompletedWork.Keys);
            var waiting = now.Values.Where(t => t!.OpenTask("after") is null).ToList();
            return (waiting.Count == 0, $"{waiting.Count} completed tickets still wait for their timer, e.g. {waiting.FirstOrDefault()}");
        });
        Log($"All {load.CompletedWork.Count} timers fired {restartedAt.Elapsed.TotalSeconds:0.0} s after the restart ({afterTimers})");

        // The read model (GET /api/tickets) agrees with the grains on every acknowledged ticket.
        await Recovery.PollAsync(TimeSpan.FromSeconds(10), async () =>
        {
            var grains = await Recovery.ReadAllAsync(restarted.Api, load.Tickets.Keys);
            var rows = await restarted.Api.ListAllTicketsAsync();
            var disagreements = grains.Values.Select(t => Recovery.Disagreement(t!, rows.GetValueOrDefault(t!.Id))).OfType<string>().ToList();
            return (disagreements.Count == 0, $"{disagreements.Count} read model rows disagree with their grains, e.g. {disagreements.FirstOrDefault()}");
        });
    });
}
