using LowCode.Grains.Hosting;
using LowCode.Grains.Organisation;
using LowCode.Server.Hosting;
using LowCode.Server.Identity;
using Microsoft.Extensions.Options;

namespace LowCode.Server.Demo;

/// <summary>
/// On the first start, the demo help desk's organisation: teams (设施维修 maintenance, 机电 electrical,
/// 暖通 HVAC, IT 服务台, 财务 finance, 服务台 help desk) with leads and members, departments with heads, and
/// an agent profile for every demo person with skills — regions, sites (上海浦东, 北京朝阳…), capacity, a
/// shift, and 孙丽 out of office for two weeks with 马超 taking her work. Runs before the demo tickets so
/// they are dispatched to these people.
/// </summary>
public sealed class DemoOrganisation(OrgService org, TicketClock clock, IOptions<LowCodeOptions> options, ILogger<DemoOrganisation> log) : IHostedService
{
    private static readonly (string Key, string Name, string Lead)[] Teams =
    [
        ("maintenance", "设施维修 Facilities maintenance", "u-li"),
        ("electrical", "机电组 Electrical", "tech-li"),
        ("hvac", "暖通组 HVAC", "tech-wu"),
        ("it-support", "IT 服务台 IT support", "it-huang"),
        ("finance", "财务组 Finance", "u-qian"),
        ("helpdesk", "服务台 Help desk", "u-li"),
    ];

    private static readonly (string Key, string Name, string? Head)[] Departments =
    [
        ("Maintenance", "设施部 Maintenance", "u-li"), ("Production", "生产部 Production", "u-qian"), ("Sales", "销售部 Sales", "u-chen"),
        ("IT", "信息技术部 IT", "it-huang"), ("Finance", "财务部 Finance", "u-qian"), ("R&D", "研发部 R&D", null), ("HR", "人力资源部 HR", null),
    ];

    public async Task StartAsync(CancellationToken ct)
    {
        if (!options.Value.SeedDemoData) return;
        var snapshot = await org.SnapshotAsync(ct);
        if (snapshot.Teams.Count > 0 || snapshot.Agents.Count > 0) return;
        foreach (var (key, name, lead) in Teams)
        {
            var members = IdentitySeeder.DemoPeople.Where(p => p.Teams.Contains(key)).Select(p => p.Id).ToList();
            Require(await org.SaveTeamAsync(key, new TeamChange { Name = name, Lead = lead, Members = members }, create: true, "demo", ct), $"team {key}");
        }
        foreach (var (key, name, head) in Departments)
            Require(await org.SaveDepartmentAsync(key, new DepartmentChange { Name = name, Head = head }, "demo", ct), $"department {key}");
        foreach (var person in IdentitySeeder.DemoPeople.Where(p => p.Skills.Length > 0))
            Require(await org.SaveAgentAsync(person.Id, Profile(person), "demo", ct), $"agent {person.UserName}");
        log.LogInformation("Seeded the demo organisation: {Teams} teams, {Departments} departments, {Agents} agents", Teams.Length, Departments.Length,
            IdentitySeeder.DemoPeople.Count(p => p.Skills.Length > 0));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private AgentChange Profile(IdentitySeeder.DemoPerson person) => new()
    {
        Name = person.Name,
        Skills = person.Skills.Select(s => s.Split(':')).ToDictionary(s => s[0], s => int.Parse(s[1], System.Globalization.CultureInfo.InvariantCulture)),
        Regions = [person.Region], Sites = [.. person.Sites], Capacity = person.Capacity, Shift = person.Shift,
        // IT counts an urgent incident double against capacity.
        PriorityWeights = person.Department == "IT" ? new Dictionary<string, int> { ["P1"] = 2 } : null,
        OutOfOffice = person.Id == "tech-sun" ? new OutOfOffice { From = clock.Now.AddDays(-1), Until = clock.Now.AddDays(14), Delegate = "tech-ma" } : null,
    };

    /// <summary>Instances of a cluster starting together may both seed: a team another one created first is fine.</summary>
    private static void Require<T>(Grains.Contracts.CommandOutcome<T> outcome, string what)
    {
        if (!outcome.Succeeded && outcome.Error != Grains.Contracts.CommandError.Conflict)
            throw new InvalidOperationException($"Demo {what} was refused: {outcome.Message} {string.Join("; ", (outcome.Problems ?? []).Select(p => $"{p.Path}: {p.Message}"))}");
    }
}
