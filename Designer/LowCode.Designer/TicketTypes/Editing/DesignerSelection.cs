using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Validation;

namespace LowCode.Designer.TicketTypes.Editing;

/// <summary>What the analyst has selected in the editor; the panels show its properties, the problem list selects one.</summary>
public abstract record DesignerSelection
{
    /// <summary>Which part of the editor shows the selection.</summary>
    public abstract DesignerTab Tab { get; }

    /// <summary>Where a validation problem points: a node, a connection, a form field or a ticket-type setting.</summary>
    public static DesignerSelection? Of(ValidationProblem problem) => problem switch
    {
        { NodeId: { Length: > 0 } node } => new NodeSelection([node]),
        { Connection: { } index } => new ConnectionSelection(index),
        { Code: TicketTypeCompiler.FormProblemCode, Path: { } path } => FieldSelection.FromProblemPath(path),
        { Path: { } path } when path.StartsWith("workflow", StringComparison.Ordinal) => new SettingSelection(path),
        { Path: { } path } => new SettingSelection(path),
        _ => null,
    };
}

/// <summary>One or more nodes of the flow (multi-select on the canvas).</summary>
public sealed record NodeSelection(IReadOnlyList<string> NodeIds) : DesignerSelection
{
    public override DesignerTab Tab => DesignerTab.Flow;
    public bool Equals(NodeSelection? other) => other is not null && NodeIds.SequenceEqual(other.NodeIds);
    public override int GetHashCode() => NodeIds.Aggregate(0, (h, id) => HashCode.Combine(h, id));
}

/// <summary>A connection, by its index in the workflow's connection list.</summary>
public sealed record ConnectionSelection(int Index) : DesignerSelection
{
    public override DesignerTab Tab => DesignerTab.Flow;
}

/// <summary>
/// A form field: <see cref="Form"/> is <c>""</c> for the ticket's own form or a task form's key;
/// <see cref="Path"/> is the path inside that form as the form checker reports it (<c>sections[0].fields[3].visibleWhen</c>).
/// </summary>
public sealed record FieldSelection(string Form, string Path) : DesignerSelection
{
    public override DesignerTab Tab => DesignerTab.Form;

    /// <summary>Splits a ticket-type path (<c>form.…</c> or <c>taskForms.{key}.…</c>) into the form and the path inside it.</summary>
    public static FieldSelection FromProblemPath(string path)
    {
        if (path.StartsWith("taskForms.", StringComparison.Ordinal))
        {
            var rest = path["taskForms.".Length..];
            var dot = rest.IndexOf('.');
            return dot < 0 ? new FieldSelection(rest, "") : new FieldSelection(rest[..dot], rest[(dot + 1)..]);
        }
        return path.StartsWith("form.", StringComparison.Ordinal) ? new FieldSelection("", path["form.".Length..]) : new FieldSelection("", path == "form" ? "" : path);
    }
}

/// <summary>A ticket-type setting (name, key, dispatch rules, SLA, calendar…), by its path in the definition.</summary>
public sealed record SettingSelection(string Path) : DesignerSelection
{
    public override DesignerTab Tab => DesignerTab.Settings;
}

/// <summary>The editor's tabs.</summary>
public enum DesignerTab { Flow, Form, Settings, TestRun, Versions }
