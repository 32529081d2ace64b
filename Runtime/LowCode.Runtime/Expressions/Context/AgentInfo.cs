using System.Collections.Immutable;

namespace LowCode.Runtime.Expressions.Context;

/// <summary>
/// A candidate assignee as dispatch expressions see them
/// (<c>agent.Skills.Contains("electrical") &amp;&amp; agent.Region == form.Site &amp;&amp; agent.OnDuty</c>).
/// A snapshot taken when the rule runs: <see cref="OpenTasks"/> is the workload dispatch knows of then.
/// </summary>
public sealed record AgentInfo(string Id, string Name)
{
    public static readonly AgentInfo Nobody = new("", "");

    public TagSet Skills { get; init; } = TagSet.Empty;
    public ImmutableDictionary<string, int> SkillLevels { get; init; } = ImmutableDictionary<string, int>.Empty;
    /// <summary>The agent's home region (the first of <see cref="Regions"/>), e.g. "SH".</summary>
    public string Region { get; init; } = "";
    /// <summary>Every region the agent covers.</summary>
    public TagSet Regions { get; init; } = TagSet.Empty;
    /// <summary>Sites within the regions, e.g. "上海浦东".</summary>
    public TagSet Sites { get; init; } = TagSet.Empty;
    public TagSet Teams { get; init; } = TagSet.Empty;
    /// <summary>On duty and inside their working shift right now.</summary>
    public bool OnDuty { get; init; } = true;
    /// <summary>Away (leave, business trip); new work goes to <see cref="Delegate"/> when one is named.</summary>
    public bool OutOfOffice { get; init; }
    /// <summary>User id of the person who takes the agent's new work while they are out of office.</summary>
    public string Delegate { get; init; } = "";
    /// <summary>Workload units in use (tasks, weighted by priority when the agent's capacity is weighted).</summary>
    public int OpenTasks { get; init; }
    /// <summary>Workload units the agent may hold at once.</summary>
    public int Capacity { get; init; } = 10;

    /// <summary>Skill level 0-5; 0 when the agent lacks the skill.</summary>
    public int Level(string skill) => SkillLevels.TryGetValue(skill, out var level) ? level : Skills.Contains(skill) ? 1 : 0;

    public int FreeCapacity => Math.Max(0, Capacity - OpenTasks);
}
