using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using LowCode.Designer.Localization;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;
using Microsoft.Extensions.Localization;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// Brings the diagram in line with a definition, touching only what differs: a step whose look changed re-renders,
/// a moved step moves, a step whose ports changed is rebuilt, links are matched by (source, port, target) and only
/// missing ones are added. Opening a flow is the same call on an empty diagram; undo/redo and edits from other
/// panels cost what they change, not the size of the flow.
/// </summary>
public sealed class FlowDiagramSync(BlazorDiagram diagram, IStringLocalizer<CanvasText> text)
{
    private readonly NodeSummary _summary = new(text);

    public void Sync(TicketTypeDefinition definition, CanvasDecorations decorations, bool readOnly)
    {
        var workflow = definition.Workflow;
        diagram.Batch(() =>
        {
            var models = SyncNodes(definition, decorations, readOnly);
            SyncLinks(workflow, models, decorations);
        });
    }

    private Dictionary<string, FlowNodeModel> SyncNodes(TicketTypeDefinition definition, CanvasDecorations decorations, bool readOnly)
    {
        var workflow = definition.Workflow;
        var existing = diagram.Nodes.OfType<FlowNodeModel>().ToDictionary(n => n.Id);
        var wanted = workflow.Nodes.Select(n => n.Id).ToHashSet();
        diagram.Nodes.Remove(existing.Values.Where(m => !wanted.Contains(m.Id)).ToList());

        var unplaced = workflow.Nodes.Where(n => !workflow.Layout.Nodes.ContainsKey(n.Id) && !existing.ContainsKey(n.Id)).ToList();
        var placements = AutoPlacement.For(workflow, unplaced, existing.Values);
        var models = new Dictionary<string, FlowNodeModel>();
        var added = new List<FlowNodeModel>();
        foreach (var node in workflow.Nodes)
        {
            if (models.ContainsKey(node.Id)) continue; // a duplicate id: the validator reports it; draw the first
            var view = ViewOf(node, definition, decorations);
            var outcomes = OutcomesOf(node, workflow);
            var placed = workflow.Layout.Nodes.TryGetValue(node.Id, out var at);
            if (existing.TryGetValue(node.Id, out var model) && model.OutcomeNames.SequenceEqual(outcomes))
            {
                Update(model, node, view, placed ? at : null);
            }
            else
            {
                if (model is not null) diagram.Nodes.Remove(model);
                var position = placed ? new Point(at!.X, at.Y) : model?.Position ?? placements[node.Id];
                model = new FlowNodeModel(node, view, outcomes, position, placed || model?.Placed == true);
                added.Add(model);
            }
            model.Locked = readOnly;
            foreach (var port in model.Ports) port.Locked = readOnly || ((FlowPortModel)port).IsInput;
            models[node.Id] = model;
        }
        diagram.Nodes.Add(added);
        return models;
    }

    private static void Update(FlowNodeModel model, Node node, NodeView view, Position? at)
    {
        model.Step = node;
        var changed = model.View != view;
        model.View = view;
        if (at is not null && (model.Position.X != at.X || model.Position.Y != at.Y))
        {
            model.SetPosition(at.X, at.Y); // moves its ports and links too, and re-renders
            changed = false;
        }
        if (at is not null) model.Placed = true;
        if (changed) model.Refresh();
    }

    private void SyncLinks(WorkflowDefinition workflow, Dictionary<string, FlowNodeModel> models, CanvasDecorations decorations)
    {
        var pool = diagram.Links.OfType<ConnectionLinkModel>()
            .GroupBy(l => (l.SourcePort.Node.Id, l.SourcePort.Name, l.TargetPort.Node.Id))
            .ToDictionary(g => g.Key, g => new Queue<ConnectionLinkModel>(g));
        var added = new List<ConnectionLinkModel>();
        for (var i = 0; i < workflow.Connections.Count; i++)
        {
            var connection = workflow.Connections[i];
            if (!models.TryGetValue(connection.Source.Node, out var source) || !models.TryGetValue(connection.Target.Node, out var target)) continue;
            if (source.Outcome(connection.Source.Port) is not { } port) continue;

            var key = (source.Id, port.Name, target.Id);
            var link = pool.TryGetValue(key, out var reusable) && reusable.TryDequeue(out var reused) ? reused : null;
            if (link is null) added.Add(link = new ConnectionLinkModel(connection, i, port, target.Input));
            link.Connection = connection;
            link.Index = i;
            var changed = link.ShowLabel(LinkLabels.Of(connection, source.Step, text));
            var taken = decorations.Run.Connections.Contains(i);
            if (taken != link.Taken)
            {
                link.Taken = taken;
                link.Color = taken ? RunColor : null;
                link.Width = taken ? 3 : 2;
                changed = true;
            }
            if (changed && !added.Contains(link)) link.Refresh();
        }
        diagram.Links.Remove(pool.Values.SelectMany(q => q).ToList());
        diagram.Links.Add(added);
    }

    /// <summary>The colour of a connection a test run took.</summary>
    public const string RunColor = "#2e7d32";

    private NodeView ViewOf(Node node, TicketTypeDefinition definition, CanvasDecorations decorations) => new(
        node.Kind, node.DisplayName, _summary.Assignee(node, definition.DispatchRules), _summary.Timing(node),
        decorations.ProblemNodes.Contains(node.Id), decorations.MarkOf(node.Id));

    /// <summary>The step's outcome ports, plus any port a connection still leaves by that the step no longer has.</summary>
    private static List<OutcomePort> OutcomesOf(Node node, WorkflowDefinition workflow)
    {
        var ports = node.OutcomePorts().Distinct().Select(p => new OutcomePort(p)).ToList();
        foreach (var c in workflow.Connections)
            if (c.Source.Node == node.Id && !ports.Exists(p => p.Name == c.Source.Port))
                ports.Add(new OutcomePort(c.Source.Port, Stale: true));
        return ports;
    }
}
