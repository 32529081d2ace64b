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

/// <summary>Who may take a step: candidates filtered by an expression over <c>agent</c>, ranked by a strategy.</summary>
public sealed record DispatchRuleDefinition(string Key, string Name)
{
    public string? Filter { get; init; }
    public string Strategy { get; init; } = "leastLoaded";
    public string? FallbackTeam { get; init; }
}
