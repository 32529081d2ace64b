using System.Diagnostics;
using LowCode.Host.Tests.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace LowCode.Host.Tests;

/// <summary>Embedded mode (SQLite) stopped the way service managers stop it: SIGTERM while clients are busy.</summary>
[Collection(HostProcessCollection.Name)]
public sealed class GracefulShutdownTests(ITestOutputHelper output) : HostProcessTest(output)
{
    private const string TicketType = "shutdown-flow";
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public Task On_SIGTERM_the_host_exits_with_code_0_within_seconds_and_acknowledged_work_survives() => RunAsync(async () =>
    {
        var settings = HostSettings.OnFreePorts(NewDataFolder());
        var first = await StartReadyHostAsync("first", settings);
        await first.Api.PublishTicketTypeAsync(TicketType, TestTicketTypes.WorkThenWait(TicketType));

        var load = TicketLoad.Start(first.Http, TicketType, clients: 4, signalAt: 30);
        await load.WaitForCompletionsAsync(TimeSpan.FromSeconds(90));
        var stopping = Stopwatch.StartNew();
        first.Terminate();
        var exitCode = await first.WaitForExitAsync(ExitTimeout);
        var stoppedIn = stopping.Elapsed;
        await load.StopAsync(TimeSpan.FromSeconds(10));
        Log($"SIGTERM: exit code {exitCode?.ToString() ?? "none"} after {stoppedIn.TotalSeconds:0.0} s; {load.Tickets.Count} tickets and {load.CompletedWork.Count} completions acknowledged, {load.Refusals} refusals; {string.Join(" | ", load.Endings)}");

        Assert.True(exitCode is not null, $"The host still ran {ExitTimeout.TotalSeconds:0} s after SIGTERM.");
        Assert.Equal(0, exitCode);

        var restarted = await StartReadyHostAsync("restarted", settings);
        var tickets = await Recovery.ReadAllAsync(restarted.Api, load.Tickets.Keys);
        foreach (var (id, workTaskId) in load.Tickets)
        {
            var ticket = tickets[id] ?? throw new Xunit.Sdk.XunitException($"Acknowledged ticket {id} is missing after the shutdown.");
            if (!load.CompletedWork.ContainsKey(id)) continue;
            var work = ticket.Tasks.SingleOrDefault(t => t.Id == workTaskId);
            Assert.True(work is { Status: "completed", Action: "done" }, $"The acknowledged completion of {workTaskId} is missing after the shutdown: {ticket}");
        }
    });
}
