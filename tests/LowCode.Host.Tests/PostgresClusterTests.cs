using System.Diagnostics;
using LowCode.Host.Tests.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace LowCode.Host.Tests;

/// <summary>
/// Cluster mode: three hosts against one PostgreSQL database and cluster id form one Orleans
/// cluster. Each run uses its own cluster id, service id and ticket type, and deletes its rows after.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class PostgresClusterTests(ITestOutputHelper output) : HostProcessTest(output)
{
    private const int Tickets = 6;

    // Orleans declares a killed silo dead after missed probes and votes (defaults: 5 s probe timeout,
    // 3 missed probes); until then calls to grains that lived there fail or wait.
    private static readonly TimeSpan FailoverTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public Task Any_instance_serves_any_ticket_and_tickets_continue_after_an_instance_is_killed() => RunAsync(async () =>
    {
        var database = await TestPostgres.EnsureDatabaseAsync();
        var run = Guid.NewGuid().ToString("N")[..12];
        var (clusterId, serviceId, type) = ($"host-tests-{run}", $"host-tests-{run}", $"cluster-flow-{run}");
        try
        {
            var ports = FreePorts.Take(9);
            HostProcess Start(int i) => StartHost($"instance{i + 1}", new HostSettings(NewDataFolder(), ports[3 * i], ports[3 * i + 1], ports[3 * i + 2])
            {
                PostgresConnectionString = database, ClusterId = clusterId, ServiceId = serviceId,
            });

            // Instance 1 alone opens the tickets, so every ticket grain is activated there; then 2 and 3 join.
            var one = Start(0);
            await one.WaitUntilReadyAsync(StartTimeout);
            await one.Api.PublishTicketTypeAsync(type, TestTicketTypes.WorkThenReview(type));
            var ids = new List<string>();
            for (var i = 0; i < Tickets; i++) ids.Add((await one.Api.CreateTicketAsync(type, $"cluster ticket {i}")).Id);
            var (two, three) = (Start(1), Start(2));
            await Task.WhenAll(two.WaitUntilReadyAsync(StartTimeout), three.WaitUntilReadyAsync(StartTimeout));
            foreach (var host in new[] { one, two, three })
                Assert.Equal(new HealthAnswer("ready", "Postgres"), await host.Api.HealthAsync());

            // Any instance serves any ticket: read through 2 and 3, worked through one and read back through the other.
            foreach (var id in ids)
            {
                foreach (var reader in new[] { two, three })
                {
                    var seen = await reader.Api.GetTicketAsync(id);
                    Assert.True(seen.Status == "open" && seen.OpenTask("work") is not null, $"{reader.Name} sees {seen}");
                }
            }
            for (var i = 0; i < ids.Count; i++)
            {
                var (actor, reader) = i % 2 == 0 ? (two, three) : (three, two);
                var work = (await actor.Api.GetTicketAsync(ids[i])).OpenTask("work")!;
                await actor.Api.CompleteTaskAsync(ids[i], work.Id, "done");
                var seen = await reader.Api.GetTicketAsync(ids[i]);
                Assert.True(seen.OpenTask("review") is not null, $"{reader.Name} does not see what {actor.Name} did: {seen}");
            }

            // Instance 1 dies with every ticket's activation; they carry on through 2 and 3 once the cluster has noticed.
            one.Kill();
            var failover = Stopwatch.StartNew();
            for (var i = 0; i < ids.Count; i++)
            {
                var (actor, reader) = i % 2 == 0 ? (three, two) : (two, three);
                await CompleteAsync(actor, ids[i], "review", "approve", failover);
                var seen = await reader.Api.GetTicketAsync(ids[i]);
                Assert.True(seen.Status == "closed", $"{reader.Name} sees {seen} after {actor.Name} approved it");
            }
            Log($"All tickets closed through instances 2 and 3 {failover.Elapsed.TotalSeconds:0.0} s after instance 1 was killed");

            await Recovery.PollAsync(TimeSpan.FromSeconds(10), async () =>
            {
                var rows = await two.Api.ListAllTicketsAsync();
                var open = ids.Where(id => rows.GetValueOrDefault(id)?.Status != "closed").ToList();
                return (open.Count == 0, $"the read model does not show {string.Join(", ", open)} as closed");
            });
        }
        finally
        {
            StopAllHosts();
            await TestPostgres.ForgetAsync(database, serviceId, clusterId, type);
        }
    });

    /// <summary>Completes the open task of <paramref name="nodeId"/>, retrying while the cluster recovers.</summary>
    private async Task CompleteAsync(HostProcess via, string ticketId, string nodeId, string action, Stopwatch failover)
    {
        var attempts = 0;
        while (true)
        {
            attempts++;
            string failure;
            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(35));
                var ticket = await via.Api.GetTicketAsync(ticketId, attempt.Token);
                if (ticket.OpenTask(nodeId) is { } task)
                {
                    await via.Api.CompleteTaskAsync(ticketId, task.Id, action, attempt.Token);
                }
                else if (!ticket.Tasks.Any(t => t.NodeId == nodeId && t.Status == "completed" && t.Action == action))
                {
                    throw new Xunit.Sdk.XunitException($"{ticketId} has no open {nodeId} task: {ticket}");
                } // else an earlier attempt went through, though its answer was lost
                if (attempts > 1) Log($"{ticketId}: {nodeId} completed through {via.Name} at attempt {attempts}, {failover.Elapsed.TotalSeconds:0.0} s after the kill");
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UnexpectedAnswerException { Status: >= System.Net.HttpStatusCode.InternalServerError })
            {
                failure = e.Message;
            }
            if (failover.Elapsed > FailoverTimeout)
                throw new Xunit.Sdk.XunitException($"{ticketId} could not be completed through {via.Name} within {FailoverTimeout.TotalSeconds:0} s of the kill ({attempts} attempts; last: {failure})");
            await Task.Delay(250);
        }
    }
}
