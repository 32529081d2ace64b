using LowCode.Runtime.Definitions;

namespace LowCode.Grains.Contracts;

/// <summary>
/// A ticket type as an analyst designs and publishes it: one versioned package of a form, the task
/// forms its steps show, its dispatch rules and its workflow. Publishing freezes a copy as version N.
/// </summary>
public sealed record TicketTypeDefinition
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public string Category { get; init; } = "";
    public string? Description { get; init; }
    public FormDefinition Form { get; init; } = new();
    public Dictionary<string, FormDefinition> TaskForms { get; init; } = [];
    public List<DispatchRuleDefinition> DispatchRules { get; init; } = [];
    public WorkflowDefinition Workflow { get; init; } = new();
}

/// <summary>The fields of a form. (The Forms project grows this into sections, layout and rules.)</summary>
public sealed record FormDefinition
{
    public List<FormField> Fields { get; init; } = [];
}

public sealed record FormField(string Key, string Label, DataType Type)
{
    public bool Required { get; init; }
    public List<string> Options { get; init; } = [];
    public List<FormField> Columns { get; init; } = [];
    public string? Help { get; init; }
}

/// <summary>
/// Who may take a step: agents (of <see cref="Team"/>, or all) filtered by an expression over <c>agent</c>,
/// <c>form</c>, <c>ticket</c>…, ranked by a strategy (leastLoaded, roundRobin, bestSkillScore with
/// <see cref="Skill"/>, expressionScore with <see cref="Score"/>, or queue: offer to the team for claiming).
/// When nobody with room is found, the <see cref="Fallback"/> applies: the fallback team's queue, its
/// lead, or escalation (queue and tell the lead).
/// </summary>
public sealed record DispatchRuleDefinition(string Key, string Name)
{
    public string? Filter { get; init; }
    public string Strategy { get; init; } = "leastLoaded";
    /// <summary>The team whose members are the candidates (all agents when empty); the queue of the queue strategy.</summary>
    public string? Team { get; init; }
    /// <summary>Expression naming the skill bestSkillScore ranks by, e.g. <c>form.Category</c>.</summary>
    public string? Skill { get; init; }
    /// <summary>Number expression expressionScore ranks by (highest first), e.g. <c>agent.Level(form.Category) * 10 - agent.OpenTasks</c>.</summary>
    public string? Score { get; init; }
    /// <summary>queue (default), teamLead or escalate.</summary>
    public string Fallback { get; init; } = "queue";
    public string? FallbackTeam { get; init; }
}
