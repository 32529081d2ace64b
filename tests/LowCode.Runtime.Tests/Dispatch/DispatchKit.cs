using System.Collections.Immutable;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Dispatch;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Expressions.Context;
using Xunit;

namespace LowCode.Runtime.Tests.Dispatch;

/// <summary>Agents, rules and a repair ticket's scope for ranking tests.</summary>
internal static class DispatchKit
{
    private static readonly ExpressionCompiler Compiler = ExpressionCompiler.For(new ExpressionSchema(
        [new FieldSchema("Site", DataType.Choice), new FieldSchema("Category", DataType.Choice)], []));

    /// <summary>A repair at the Shanghai site, electrical.</summary>
    public static ExpressionScope Scope() => new()
    {
        Form = ImmutableDictionary<string, object?>.Empty.Add("Site", "SH").Add("Category", "electrical"),
        Ticket = new TicketInfo("T-1", "equipment-repair", "P3", "open", "Press #4", DateTimeOffset.Parse("2026-03-02T09:00:00+08:00")),
    };

    public static AgentInfo Agent(string id, int load = 0, int capacity = 5, string region = "SH", int electrical = 3) =>
        new(id, $"Agent {id}")
        {
            Skills = new TagSet(electrical > 0 ? ["electrical"] : []),
            SkillLevels = electrical > 0 ? ImmutableDictionary<string, int>.Empty.Add("electrical", electrical) : ImmutableDictionary<string, int>.Empty,
            Region = region, Regions = new TagSet([region]), OpenTasks = load, Capacity = capacity,
        };

    public static DispatchPolicy Policy(DispatchStrategy strategy, string? filter = null, string? score = null, string? skill = null) =>
        new("rule", strategy) { Filter = Compile(filter, typeof(bool)), Score = Compile(score, typeof(decimal)), Skill = Compile(skill, typeof(string)) };

    public static Ranking Rank(DispatchPolicy policy, IEnumerable<AgentInfo> pool, long rotation = 0, IEnumerable<AgentInfo>? others = null, int weight = 1)
    {
        var all = pool.Concat(others ?? []).ToDictionary(a => a.Id);
        return CandidateRanking.Rank(policy, Scope(), pool, id => all.GetValueOrDefault(id), weight, rotation);
    }

    public static string[] Order(this Ranking ranking) => [.. ranking.Ranked.Select(c => c.Agent.Id)];

    public static CandidateVerdict Verdict(this Ranking ranking, string id) => ranking.Verdicts.Single(v => v.Agent.Id == id);

    private static CompiledExpression? Compile(string? text, Type type)
    {
        if (text is null) return null;
        var result = Compiler.Compile(text, type);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Expression;
    }
}
