using System.Collections.Immutable;

namespace LowCode.Runtime.Expressions.Context;

/// <summary>
/// A candidate assignee as dispatch expressions see them
/// (<c>agent.Skills.Contains("electrical") &amp;&amp; agent.Region == form.Site &amp;&amp; agent.OnDuty</c>).
/// </summary>
public sealed record AgentInfo(string Id, string Name)
{
    public static readonly AgentInfo Nobody = new("", "");

    public TagSet Skills { get; init; } = TagSet.Empty;
    public ImmutableDictionary<string, int> SkillLevels { get; init; } = ImmutableDictionary<string, int>.Empty;
    public string Region { get; init; } = "";
    public TagSet Teams { get; init; } = TagSet.Empty;
    public bool OnDuty { get; init; } = true;
    public int OpenTasks { get; init; }
    public int Capacity { get; init; } = 10;

    /// <summary>Skill level 0-5; 0 when the agent lacks the skill.</summary>
    public int Level(string skill) => SkillLevels.TryGetValue(skill, out var level) ? level : Skills.Contains(skill) ? 1 : 0;

    public int FreeCapacity => Math.Max(0, Capacity - OpenTasks);
}
