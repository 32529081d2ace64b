using LowCode.Grains.Organisation;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Grains.TicketTypes.TestRuns;

/// <summary>
/// The people a test run dispatches to: a sample agent pool, teams (queues with leads) and departments
/// (heads for approvals), and the requester who "submits" the sample form. Nothing here is stored; the
/// default is a small help desk like the demo one, so a reference ticket type runs out of the box.
/// </summary>
public sealed record SampleOrganisation
{
    public IReadOnlyList<SampleAgent> Agents { get; init; } = [];
    public IReadOnlyList<Team> Teams { get; init; } = [];
    public IReadOnlyList<Department> Departments { get; init; } = [];
    public PersonInfo Requester { get; init; } = PersonInfo.Nobody;

    /// <summary>The organisation as dispatch sees it, with each agent's workload from <paramref name="loadOf"/>.</summary>
    public OrgSnapshot ToSnapshot(Func<string, int> loadOf)
    {
        var members = Agents.SelectMany(a => a.Teams.Select(t => (Team: t, a.Id))).ToLookup(x => x.Team, x => x.Id, StringComparer.Ordinal);
        var teams = Teams.Select(t => t with { Members = [.. t.Members.Concat(members[t.Key]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] });
        return new OrgSnapshot(0, Agents.Select(a => a.ToProfile()), teams, Departments,
            Agents.ToDictionary(a => a.Id, a => loadOf(a.Id), StringComparer.Ordinal));
    }

    /// <summary>A facilities and finance help desk in Shanghai, Beijing and Shenzhen (the demo organisation, trimmed).</summary>
    public static SampleOrganisation Default { get; } = new()
    {
        Agents =
        [
            new("tech-li", "李强 Li Qiang") { Skills = Levels(("electrical", 4)), Region = "SH", Sites = ["上海浦东", "上海张江"], Teams = ["maintenance", "electrical"], Capacity = 12, OpenTasks = 3 },
            new("tech-wu", "吴昊 Wu Hao") { Skills = Levels(("hvac", 4), ("electrical", 2)), Region = "SH", Sites = ["上海浦东"], Teams = ["maintenance", "hvac", "electrical"], Capacity = 8, OpenTasks = 1 },
            new("tech-ma", "马超 Ma Chao") { Skills = Levels(("mechanical", 3)), Region = "SH", Sites = ["上海张江", "上海浦东"], Teams = ["maintenance"], Capacity = 8 },
            new("tech-zhao", "赵刚 Zhao Gang") { Skills = Levels(("it", 3), ("hvac", 3)), Region = "BJ", Sites = ["北京朝阳"], Teams = ["maintenance", "hvac"], Capacity = 10, OpenTasks = 2 },
            new("tech-chen", "陈强 Chen Qiang") { Skills = Levels(("electrical", 3), ("mechanical", 2)), Region = "BJ", Sites = ["北京朝阳", "北京亦庄"], Teams = ["maintenance", "electrical"], Capacity = 8 },
            new("tech-sun", "孙丽 Sun Li") { Skills = Levels(("mechanical", 4), ("electrical", 1)), Region = "SZ", Sites = ["深圳南山"], Teams = ["maintenance"], Capacity = 8, AwayWithDelegate = "tech-ma" },
            new("fin-gao", "高敏 Gao Min") { Skills = Levels(("invoices", 4), ("reimbursement", 4)), Region = "SH", Sites = ["上海浦东"], Teams = ["finance"], Capacity = 8 },
        ],
        Teams =
        [
            new("maintenance", "设施维修 Facilities maintenance") { Lead = "u-li" },
            new("electrical", "机电组 Electrical") { Lead = "tech-li" },
            new("hvac", "暖通组 HVAC") { Lead = "tech-wu" },
            new("finance", "财务组 Finance") { Lead = "u-qian" },
        ],
        Departments =
        [
            new("Maintenance", "设施部 Maintenance") { Head = "u-li" }, new("Production", "生产部 Production") { Head = "u-qian" },
            new("Sales", "销售部 Sales") { Head = "u-chen" }, new("Finance", "财务部 Finance") { Head = "u-qian" },
        ],
        Requester = new PersonInfo("u-zhang", "张三 Zhang San") { Department = "Production", Region = "SH", Manager = "u-li" },
    };

    private static Dictionary<string, int> Levels(params (string Skill, int Level)[] skills) =>
        skills.ToDictionary(s => s.Skill, s => s.Level, StringComparer.OrdinalIgnoreCase);
}
