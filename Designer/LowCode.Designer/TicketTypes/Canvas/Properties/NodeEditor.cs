using LowCode.Runtime.Definitions;
using LowCode.Runtime.Validation;
using Microsoft.AspNetCore.Components;

namespace LowCode.Designer.TicketTypes.Canvas.Properties;

/// <summary>
/// The editor of one kind of node: it reads the node's record and commits each change as the next record
/// (<c>node with { … }</c>) through <see cref="PropertyEditing"/>.
/// </summary>
public abstract class NodeEditor<TNode> : ComponentBase where TNode : Node
{
    [Parameter, EditorRequired] public PropertyEditing Editing { get; set; } = default!;
    [Parameter, EditorRequired] public TNode Node { get; set; } = default!;

    protected void Update(string description, TNode next, PortChange? port = null) => Editing.ReplaceNode(description, next, port);

    protected IReadOnlyList<ValidationProblem> ProblemsAt(string path) => Editing.ProblemsAt(Node.Id, path);

    /// <summary>A page-unique element id for a property of this node.</summary>
    protected string IdFor(string path) => PropertyIds.For(Node.Id, path);
}

public static class PropertyIds
{
    public static string For(string owner, string path) =>
        "prop-" + owner + "-" + new string(path.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}
