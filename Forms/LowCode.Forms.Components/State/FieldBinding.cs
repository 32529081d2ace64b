using LowCode.Forms.Schema;
using LowCode.Forms.Validation;

namespace LowCode.Forms.Components.State;

/// <summary>
/// What one input needs to render: its field, where its value lives, the value, whether it can be changed
/// or must be filled in, the problems to show, and the ids that tie label, help and errors to it.
/// </summary>
public sealed record FieldBinding
{
    public required FormField Field { get; init; }
    public required FieldPath Path { get; init; }
    /// <summary>The id of the input (of the fieldset for groups of inputs).</summary>
    public required string Id { get; init; }
    /// <summary>The label as read out: the field's name, or "Amount, row 2" in a table.</summary>
    public required string Label { get; init; }
    public object? Value { get; init; }
    public bool ReadOnly { get; init; }
    public bool Required { get; init; }
    public bool InCell { get; init; }
    public IReadOnlyList<FormProblem> Problems { get; init; } = [];

    public bool Invalid => Problems.Count > 0;
    public string LabelId => Id + "-label";
    public string ErrorId => Id + "-error";
    public string? HelpId => InCell || string.IsNullOrWhiteSpace(Field.Help) ? null : Id + "-help";

    /// <summary>The aria-describedby of the input: help text, the errors while there are any, and extra ids.</summary>
    public string? DescribedBy(params string?[] more)
    {
        var ids = new[] { HelpId, Invalid ? ErrorId : null }.Concat(more).Where(id => !string.IsNullOrEmpty(id)).ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The attributes every native input of the field carries (ids for tests and assistive technology).</summary>
    public Dictionary<string, object> InputAttributes(params string?[] describedBy)
    {
        var attributes = new Dictionary<string, object>
        {
            ["data-field"] = Path.Column ?? Path.Key,
            ["data-path"] = Path.ToString(),
            ["aria-invalid"] = Invalid ? "true" : "false",
        };
        if (DescribedBy(describedBy) is { } ids) attributes["aria-describedby"] = ids;
        if (Required) attributes["aria-required"] = "true";
        return attributes;
    }
}
