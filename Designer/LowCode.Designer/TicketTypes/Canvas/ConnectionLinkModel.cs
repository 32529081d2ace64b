using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>One connection of the flow drawn as a link, from an outcome port to a step's input port.</summary>
public sealed class ConnectionLinkModel : LinkModel
{
    public ConnectionLinkModel(Connection connection, int index, FlowPortModel source, FlowPortModel target)
        : base(new SinglePortAnchor(source), new SinglePortAnchor(target))
    {
        Connection = connection;
        Index = index;
        TargetMarker = LinkMarker.Arrow;
        _label = new LinkLabelModel(this, "");
    }

    /// <summary>The connection as the definition holds it (its label and target port are kept as they are).</summary>
    public Connection Connection { get; set; }

    /// <summary>Its index in the workflow's connections: how selections and test runs name it.</summary>
    public int Index { get; set; }

    private readonly LinkLabelModel _label;

    /// <summary>The text shown on the link (its condition, action or port); empty shows none.</summary>
    public string LabelText => Labels.Count == 0 ? "" : _label.Content;

    /// <summary>Shows <paramref name="text"/> on the link; true when that changed what is drawn.</summary>
    public bool ShowLabel(string text)
    {
        if (text == LabelText) return false;
        _label.Content = text;
        if (text.Length == 0) Labels.Remove(_label);
        else if (Labels.Count == 0) Labels.Add(_label);
        return true;
    }

    public FlowPortModel SourcePort => (FlowPortModel)((SinglePortAnchor)Source).Port;
    public FlowPortModel TargetPort => (FlowPortModel)((SinglePortAnchor)Target).Port;

    /// <summary>Whether a test run took this connection (drawn highlighted).</summary>
    public bool Taken { get; set; }
}
