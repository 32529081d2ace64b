using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Events;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using LowCode.Designer.Localization;
using LowCode.Designer.TicketTypes.Editing;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;
using Microsoft.Extensions.Localization;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// The canvas's behaviour without its markup: it draws the session's working copy on a diagram and turns what the
/// analyst does on the diagram (drop a step, drag a link from an outcome port, move, delete, paste, auto-layout)
/// into edits applied through the session — each one undoable step. After any change of the working copy (an edit
/// here, undo/redo, the properties panel) the diagram is re-synced incrementally. Selection flows both ways.
/// </summary>
public sealed class FlowCanvasController : IDisposable
{
    private readonly DesignerSession _session;
    private readonly IStringLocalizer<CanvasText> _text;
    private readonly FlowDiagramSync _sync;
    private readonly HashSet<FlowNodeModel> _moved = [];
    private TicketTypeDefinition? _shown;
    private object? _shownProblems, _shownRun;
    private DesignerSelection? _seenSelection;
    private bool _selectionTouched;
    private int _pastes;

    public FlowCanvasController(DesignerSession session, IStringLocalizer<CanvasText> text, bool readOnly)
    {
        _session = session;
        _text = text;
        ReadOnly = readOnly;
        Diagram = FlowDiagramMapper.CreateDiagram();
        _sync = new FlowDiagramSync(Diagram, text);
        var layout = session.Definition.Workflow.Layout;
        if (layout.Zoom > 0) Diagram.SetZoom(layout.Zoom);
        Diagram.SetPan(layout.Pan.X, layout.Pan.Y);

        Diagram.Nodes.Added += node => node.Moved += OnNodeMoved;
        Diagram.Nodes.Removed += node => node.Moved -= OnNodeMoved;
        Diagram.Links.Added += OnLinkAdded;
        Diagram.SelectionChanged += _ => _selectionTouched = true;
        Diagram.PointerUp += OnPointerUp; // after the library's own handlers: moves and selection are settled by now
        Diagram.KeyDown += OnKeyDown;
        Resync();
        SelectFromSession(center: false);
        session.Changed += OnSessionChanged;
    }

    public BlazorDiagram Diagram { get; }
    public bool ReadOnly { get; }
    public FlowClipboard? Clipboard { get; private set; }

    /// <summary>Something the toolbar shows changed (selection, clipboard).</summary>
    public event Action? StateChanged;

    public IReadOnlyList<string> SelectedNodeIds => Diagram.Nodes.OfType<FlowNodeModel>().Where(n => n.Selected).Select(n => n.Id).ToList();
    public bool HasSelection => Diagram.GetSelectedModels().Any();

    // ----- edits -----

    /// <summary>Adds a step of <paramref name="kind"/>; at <paramref name="at"/> (diagram coordinates) or in the middle of the view.</summary>
    public string? AddNode(string kind, Point? at = null)
    {
        if (ReadOnly) return null;
        var position = at ?? FreeSpotInView();
        var (next, id) = FlowEdits.AddNode(_session.Definition, kind, new Position(Math.Round(position.X), Math.Round(position.Y)));
        _session.Apply(_text[CanvasText.EditAddStep, _text[CanvasText.Kind(kind)]], next);
        SelectNodes([id]);
        return id;
    }

    /// <summary>Adds a step where a palette item was dropped (client coordinates of the drop).</summary>
    public string? DropNode(string kind, double clientX, double clientY)
    {
        if (Diagram.Container is null) return AddNode(kind);
        var point = Diagram.GetRelativeMousePoint(clientX, clientY);
        return AddNode(kind, new Point(point.X - NodeGeometry.Width / 2, point.Y - 20));
    }

    public void DeleteSelection()
    {
        if (ReadOnly) return;
        var nodes = SelectedNodeIds;
        var links = Diagram.Links.OfType<ConnectionLinkModel>().Where(l => l.Selected).Select(l => l.Index).ToList();
        var next = FlowEdits.Delete(_session.Definition, nodes, links);
        if (ReferenceEquals(next, _session.Definition)) return;
        _session.Apply(_text[CanvasText.EditDelete], next);
        _session.Select(null);
    }

    public void Copy()
    {
        var ids = SelectedNodeIds;
        if (ids.Count == 0) return;
        Clipboard = FlowClipboard.Copy(_session.Definition, ids);
        _pastes = 0;
        StateChanged?.Invoke();
    }

    public void Paste()
    {
        if (ReadOnly || Clipboard is not { IsEmpty: false } clipboard) return;
        var shift = 40 * ++_pastes;
        var (next, ids) = clipboard.Paste(_session.Definition, new Position(shift, shift));
        _session.Apply(_text[CanvasText.EditPaste], next);
        SelectNodes(ids);
    }

    public void ApplyAutoLayout()
    {
        if (ReadOnly) return;
        var next = FlowEdits.Move(_session.Definition, AutoLayout.Compute(_session.Definition.Workflow));
        _session.Apply(_text[CanvasText.EditAutoLayout], next);
        FitToScreen();
    }

    // ----- view -----

    public void ZoomBy(double factor)
    {
        var zoom = Math.Clamp(Diagram.Zoom * factor, Diagram.Options.Zoom.Minimum, Diagram.Options.Zoom.Maximum);
        var (cx, cy) = Diagram.Container is { } c ? (c.Width / 2, c.Height / 2) : (0d, 0d);
        // Keep the point in the middle of the view where it is.
        var x = cx - (cx - Diagram.Pan.X) * zoom / Diagram.Zoom;
        var y = cy - (cy - Diagram.Pan.Y) * zoom / Diagram.Zoom;
        Diagram.Batch(() =>
        {
            Diagram.SetZoom(zoom);
            Diagram.SetPan(x, y);
        });
    }

    public void FitToScreen(double margin = 40)
    {
        var nodes = Diagram.Nodes.OfType<FlowNodeModel>().ToList();
        if (Diagram.Container is not { } view || nodes.Count == 0) return;
        var left = nodes.Min(n => n.Position.X) - margin;
        var top = nodes.Min(n => n.Position.Y) - margin;
        var right = nodes.Max(n => n.Position.X + n.Size!.Width) + margin;
        var bottom = nodes.Max(n => n.Position.Y + n.Size!.Height) + margin;
        var zoom = Math.Clamp(Math.Min(view.Width / (right - left), view.Height / (bottom - top)), Diagram.Options.Zoom.Minimum, 1.5);
        Diagram.Batch(() =>
        {
            Diagram.SetZoom(zoom);
            Diagram.SetPan(-left * zoom + (view.Width - (right - left) * zoom) / 2, -top * zoom);
        });
    }

    /// <summary>Pans so the step is in the middle of the view.</summary>
    public void CenterOn(NodeModel node)
    {
        if (Diagram.Container is not { } view) return;
        var size = node.Size ?? new Size(0, 0);
        Diagram.SetPan(view.Width / 2 - (node.Position.X + size.Width / 2) * Diagram.Zoom, view.Height / 2 - (node.Position.Y + size.Height / 2) * Diagram.Zoom);
    }

    // ----- from the diagram -----

    private void OnNodeMoved(MovableModel model)
    {
        if (model is FlowNodeModel node) _moved.Add(node);
    }

    private void OnPointerUp(Model? model, PointerEventArgs e)
    {
        // The selection first: the move's re-sync must not put back the selection the session had before this click.
        if (_selectionTouched)
        {
            _selectionTouched = false;
            if (!ReadOnly && !SameSelection(_session.Selection, CurrentSelection())) _session.Select(CurrentSelection());
            StateChanged?.Invoke();
        }
        if (_moved.Count > 0)
        {
            var positions = _moved.ToDictionary(n => n.Id, n => new Position(n.Position.X, n.Position.Y));
            _moved.Clear();
            if (!ReadOnly) _session.Apply(_text[CanvasText.EditMove], FlowEdits.Move(_session.Definition, positions));
        }
    }

    private void OnLinkAdded(BaseLinkModel link)
    {
        if (link is not ConnectionLinkModel) link.TargetAttached += OnNewLinkAttached;
    }

    /// <summary>A link dragged out of an outcome port was dropped on a step: it becomes a connection of the flow.</summary>
    private void OnNewLinkAttached(BaseLinkModel link)
    {
        link.TargetAttached -= OnNewLinkAttached;
        Diagram.Links.Remove(link); // the session's connection is drawn by the re-sync, like every other
        if (ReadOnly || link.Source is not SinglePortAnchor { Port: FlowPortModel source }) return;
        var target = link.Target.Model switch
        {
            FlowPortModel port => port.Node,
            FlowNodeModel node => node,
            _ => null,
        };
        if (target is null) return;
        var next = FlowEdits.Connect(_session.Definition, source.Node.Id, source.Name, target.Id);
        _session.Apply(_text[CanvasText.EditConnect, source.Name], next);
    }

    private void OnKeyDown(KeyboardEventArgs e)
    {
        var key = e.Key.ToLowerInvariant();
        switch (key)
        {
            case "delete" or "backspace" when !e.CtrlKey: DeleteSelection(); break;
            case "c" when e.CtrlKey: Copy(); break;
            case "v" when e.CtrlKey: Paste(); break;
            case "z" when e.CtrlKey && e.ShiftKey && !ReadOnly: _session.Redo(); break;
            case "z" when e.CtrlKey && !ReadOnly: _session.Undo(); break;
            case "y" when e.CtrlKey && !ReadOnly: _session.Redo(); break;
        }
    }

    // ----- from the session -----

    private void OnSessionChanged()
    {
        Resync();
        SelectFromSession(center: true);
        StateChanged?.Invoke();
    }

    private void Resync()
    {
        if (ReferenceEquals(_shown, _session.Definition) && ReferenceEquals(_shownProblems, _session.Problems) && ReferenceEquals(_shownRun, _session.Run)) return;
        _shown = _session.Definition;
        _shownProblems = _session.Problems;
        _shownRun = _session.Run;
        _sync.Sync(_session.Definition, CanvasDecorations.Of(_session), ReadOnly);
    }

    /// <summary>
    /// Shows a selection made elsewhere (the problem list) and brings its first step into view. Any other change of
    /// the session (an edit, a re-check finishing) only puts back a selection a rebuilt step lost: it neither moves
    /// the view nor undoes a selection the analyst is making with the pointer (the session hears of that on pointer up).
    /// </summary>
    private void SelectFromSession(bool center)
    {
        var wanted = _session.Selection;
        var isNew = !ReferenceEquals(wanted, _seenSelection);
        _seenSelection = wanted;
        if (!isNew && _selectionTouched) return;
        if (wanted is not (NodeSelection or ConnectionSelection) || SameSelection(wanted, CurrentSelection())) return;
        Diagram.Batch(() =>
        {
            Diagram.UnselectAll();
            foreach (var model in ModelsOf(wanted)) Diagram.SelectModel(model, unselectOthers: false);
        });
        _selectionTouched = false;
        if (center && isNew && ModelsOf(wanted).OfType<FlowNodeModel>().FirstOrDefault() is { } first) CenterOn(first);
    }

    private IEnumerable<SelectableModel> ModelsOf(DesignerSelection selection) => selection switch
    {
        NodeSelection nodes => nodes.NodeIds.Select(id => Diagram.Nodes.OfType<FlowNodeModel>().FirstOrDefault(n => n.Id == id)).OfType<SelectableModel>(),
        ConnectionSelection c => Diagram.Links.OfType<ConnectionLinkModel>().Where(l => l.Index == c.Index),
        _ => [],
    };

    private void SelectNodes(IReadOnlyList<string> ids)
    {
        Diagram.Batch(() =>
        {
            Diagram.UnselectAll();
            foreach (var model in ModelsOf(new NodeSelection(ids))) Diagram.SelectModel(model, unselectOthers: false);
        });
        _selectionTouched = false;
        _session.Select(new NodeSelection(ids));
    }

    private DesignerSelection? CurrentSelection()
    {
        var nodes = SelectedNodeIds;
        if (nodes.Count > 0) return new NodeSelection(nodes);
        var link = Diagram.Links.OfType<ConnectionLinkModel>().FirstOrDefault(l => l.Selected);
        return link is null ? null : new ConnectionSelection(link.Index);
    }

    private static bool SameSelection(DesignerSelection? a, DesignerSelection? b) => (a, b) switch
    {
        (NodeSelection x, NodeSelection y) => x.NodeIds.ToHashSet().SetEquals(y.NodeIds),
        _ => Equals(a, b),
    };

    /// <summary>The middle of the view, nudged so repeated clicks on the palette do not stack steps on each other.</summary>
    private Point FreeSpotInView()
    {
        var point = Diagram.Container is { } view
            ? Diagram.GetRelativeMousePoint(view.Left + view.Width / 2, view.Top + view.Height / 2).Add(-NodeGeometry.Width / 2, -40)
            : new Point(40, 40);
        var taken = _session.Definition.Workflow.Layout.Nodes.Values.ToList();
        while (taken.Exists(p => Math.Abs(p.X - point.X) < 20 && Math.Abs(p.Y - point.Y) < 20)) point = point.Add(30, 30);
        return point;
    }

    public void Dispose() => _session.Changed -= OnSessionChanged;
}
