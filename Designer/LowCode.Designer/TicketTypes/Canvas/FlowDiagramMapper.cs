using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Options;
using LowCode.Designer.Localization;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;
using Microsoft.Extensions.Localization;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// The one place where the flow definition and the diagram models meet (the models are never serialized):
/// <see cref="Build"/> draws a definition, <see cref="ToDefinition"/> reads the drawing back. Each step model keeps
/// its node record and each link its connection, so reading back loses nothing the drawing does not change.
/// </summary>
public static class FlowDiagramMapper
{
    /// <summary>An empty diagram set up for flows: the step and link widgets, links only from outcome ports, no library shortcuts.</summary>
    public static BlazorDiagram CreateDiagram()
    {
        var options = new BlazorDiagramOptions { AllowMultiSelection = true, GridSize = null };
        options.Zoom.Minimum = 0.2;
        options.Zoom.Maximum = 2.5;
        options.Links.RequireTarget = true;
        // A new link can only start at an outcome port; it ends on another step (its body or its input port).
        options.Links.Factory = (_, source, target) => source is FlowPortModel { IsInput: false, Locked: false } port
            ? new Blazor.Diagrams.Core.Models.LinkModel(new SinglePortAnchor(port), target) { TargetMarker = Blazor.Diagrams.Core.Models.LinkMarker.Arrow }
            : null;
        var diagram = new BlazorDiagram(options);
        // Delete and friends go through the session (undo/redo), not the library's own shortcuts.
        diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        diagram.RegisterComponent<FlowNodeModel, FlowNodeWidget>();
        diagram.RegisterComponent<ConnectionLinkModel, ConnectionLinkWidget>();
        return diagram;
    }

    public static BlazorDiagram Build(TicketTypeDefinition definition, IStringLocalizer<CanvasText> text, CanvasDecorations? decorations = null, bool readOnly = false)
    {
        var diagram = CreateDiagram();
        new FlowDiagramSync(diagram, text).Sync(definition, decorations ?? CanvasDecorations.None, readOnly);
        return diagram;
    }

    /// <summary>
    /// The definition the diagram shows: <paramref name="original"/>'s settings, the steps drawn (their records as
    /// kept, in the original order), the connections drawn (in index order; ones that could never be drawn because
    /// a step is missing are kept as they were), and the positions of placed steps.
    /// </summary>
    public static TicketTypeDefinition ToDefinition(BlazorDiagram diagram, TicketTypeDefinition original)
    {
        var workflow = original.Workflow;
        var models = diagram.Nodes.OfType<FlowNodeModel>().ToDictionary(m => m.Id);
        var originalIds = workflow.Nodes.Select(n => n.Id).ToHashSet();
        var nodes = workflow.Nodes.Where(n => models.ContainsKey(n.Id)).Select(n => models[n.Id].Step)
            .Concat(models.Values.Where(m => !originalIds.Contains(m.Id)).Select(m => m.Step)).ToList();

        var links = diagram.Links.OfType<ConnectionLinkModel>().OrderBy(l => l.Index).ToList();
        var drawn = links.ToDictionary(l => l.Index, ReadBack);
        var connections = new List<Connection>();
        for (var i = 0; i < workflow.Connections.Count; i++)
        {
            var c = workflow.Connections[i];
            if (drawn.Remove(i, out var link)) connections.Add(link);
            else if (!originalIds.Contains(c.Source.Node) || !originalIds.Contains(c.Target.Node)) connections.Add(c); // never drawable
        }
        connections.AddRange(drawn.OrderBy(d => d.Key).Select(d => d.Value));

        var positions = new Dictionary<string, Position>();
        foreach (var (id, at) in workflow.Layout.Nodes) // the original order first, so an unchanged flow reads back identical
            if (!models.TryGetValue(id, out var model)) positions[id] = at;
            else if (model.Placed) positions[id] = new Position(model.Position.X, model.Position.Y);
        foreach (var model in models.Values.Where(m => m.Placed && !positions.ContainsKey(m.Id))) positions[model.Id] = new Position(model.Position.X, model.Position.Y);
        return FlowEdits.WithNodes(original, nodes, connections, workflow.Layout with { Nodes = positions });
    }

    private static Connection ReadBack(ConnectionLinkModel link) => link.Connection with
    {
        Source = new Endpoint(link.SourcePort.Node.Id, link.SourcePort.Name),
        Target = link.Connection.Target with { Node = link.TargetPort.Node.Id },
    };
}
