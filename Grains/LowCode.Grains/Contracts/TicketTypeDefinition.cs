using System.Text.Json.Serialization;
using LowCode.Forms.Schema;
using LowCode.Runtime.Definitions;

namespace LowCode.Grains.Contracts;

/// <summary>
/// A ticket type as an analyst designs and publishes it: one versioned package of a form, the task
/// forms its steps show, its dispatch rules and its workflow. Publishing freezes a copy as version N.
/// The forms are the Forms library's <see cref="FormSchema"/> (sections, fields, option sets, rules), in its JSON shape.
/// </summary>
public sealed record TicketTypeDefinition
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public string Category { get; init; } = "";
    public string? Description { get; init; }

    /// <summary>The form a requester fills in to open a ticket.</summary>
    [JsonConverter(typeof(FormSchemaUpgradingConverter))]
    public FormSchema Form { get; init; } = new();

    /// <summary>Forms of the human steps, by the key a step names as its <c>taskForm</c>.</summary>
    [JsonConverter(typeof(TaskFormsUpgradingConverter))]
    public Dictionary<string, FormSchema> TaskForms { get; init; } = [];

    public List<DispatchRuleDefinition> DispatchRules { get; init; } = [];
    public WorkflowDefinition Workflow { get; init; } = new();
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
