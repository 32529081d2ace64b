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

/// <summary>Who may take a step: candidates filtered by an expression over <c>agent</c>, ranked by a strategy.</summary>
public sealed record DispatchRuleDefinition(string Key, string Name)
{
    public string? Filter { get; init; }
    public string Strategy { get; init; } = "leastLoaded";
    public string? FallbackTeam { get; init; }
}
