using LowCode.Grains.Agents;
using LowCode.Grains.Dispatch;
using LowCode.Grains.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// A large field-service organisation for the dispatch scenario, the same every run (fixed seed): each agent has
/// two or three skills with levels 1-5, a home region (a fifth also cover a second), sites, a capacity of 3-10,
/// priority weights for some (P1 counts double), 85 % on duty, 3 % out of office with a colleague as delegate,
/// and some tasks already open (held by the agent grain, as after a morning's work).
/// </summary>
public sealed class AgentCrowd
{
    public static readonly string[] Skills = ["electrical", "mechanical", "hvac", "it", "welding", "plc"];
    public static readonly string[] Regions = ["SH", "BJ", "SZ", "GZ", "CD"];

    /// <summary>The sites and fault types the repair form offers: tickets are drawn from these.</summary>
    public static readonly string[] FormSites = ["SH", "BJ", "SZ"];
    public static readonly string[] FormCategories = ["electrical", "mechanical", "hvac", "it"];

    private AgentCrowd(IReadOnlyList<AgentProfile> agents, IReadOnlyDictionary<string, int> open) => (Agents, OpenTasks) = (agents, open);

    public IReadOnlyList<AgentProfile> Agents { get; }

    /// <summary>Tasks each agent already holds before the measurement.</summary>
    public IReadOnlyDictionary<string, int> OpenTasks { get; }

    public static AgentCrowd Create(int count, DateTimeOffset now)
    {
        var random = new Random(20261125);
        var agents = new List<AgentProfile>(count);
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var id = $"agent-{i:00000}";
            var skills = Skills.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToDictionary(s => s, _ => random.Next(1, 6));
            var home = Regions[random.Next(Regions.Length)];
            string[] regions = random.Next(5) == 0 ? [home, Regions[random.Next(Regions.Length)]] : [home];
            var capacity = random.Next(3, 11);
            var away = random.Next(100) < 3;
            agents.Add(new AgentProfile(id, $"Technician {i:00000}")
            {
                Skills = skills,
                Regions = [.. regions.Distinct()],
                Sites = [.. regions.Distinct().Select(r => $"{r}-plant-{random.Next(1, 4)}")],
                Capacity = capacity,
                PriorityWeights = random.Next(4) == 0 ? new Dictionary<string, int> { ["P1"] = 2 } : new Dictionary<string, int>(),
                OnDuty = random.Next(100) < 85,
                OutOfOffice = away ? new OutOfOffice { From = now.AddDays(-1), Until = now.AddDays(3), Delegate = $"agent-{random.Next(count):00000}" } : null,
                UpdatedAt = now, UpdatedBy = "bench",
            });
            open[id] = random.Next(0, Math.Min(3, capacity));
        }
        return new AgentCrowd(agents, open);
    }

    /// <summary>
    /// Stores the profiles in the org tables and has each available agent's grain hold their open tasks, telling
    /// the silo's load board as a dispatch would (off-duty and absent agents refuse, so they hold none).
    /// </summary>
    public async Task SeedAsync(LowCodeHost host)
    {
        var store = host.Services.GetRequiredService<OrgStore>();
        var board = host.Services.GetRequiredService<AgentLoadBoard>();
        foreach (var agent in Agents) await store.SaveAgentAsync(agent);
        await Parallel.ForEachAsync(Agents, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (agent, _) =>
        {
            var grain = host.Grains.GetGrain<IAgentGrain>(agent.UserId);
            for (var k = 0; k < OpenTasks[agent.UserId]; k++)
                if (await grain.TryReserve($"seed-{agent.UserId}/t{k}", 1) is { Holds: true } held) board.Observe(agent.UserId, held.Load);
        });
    }

    /// <summary>The site and fault type of ticket <paramref name="n"/>: every combination the form offers, in turn.</summary>
    public static (string Site, string Category) TicketAt(long n) =>
        (FormSites[n % FormSites.Length], FormCategories[n / FormSites.Length % FormCategories.Length]);
}
