using System.Text.Json;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models.Base;
using LowCode.Designer.Localization;
using LowCode.Designer.TicketTypes.Canvas;
using LowCode.Designer.TicketTypes.Editing;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using CorePointer = Blazor.Diagrams.Core.Events.PointerEventArgs;

namespace LowCode.Designer.Tests.Support;

/// <summary>A session over a ticket type and a canvas controller on it, with the diagram's view box set as a browser would.</summary>
internal sealed class CanvasHarness : IDisposable
{
    public static readonly IStringLocalizer<CanvasText> Text = new StringLocalizer<CanvasText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private CanvasHarness(DesignerSession session, bool readOnly)
    {
        Session = session;
        Canvas = new FlowCanvasController(session, Text, readOnly);
        Canvas.Diagram.SetContainer(new Rectangle(0, 0, 1200, 800));
    }

    public DesignerSession Session { get; }
    public FlowCanvasController Canvas { get; }
    public TicketTypeDefinition Definition => Session.Definition;

    public static async Task<CanvasHarness> OpenAsync(TicketTypeDefinition definition, bool readOnly = false) =>
        new(await OpenSessionAsync(definition), readOnly);

    public static async Task<DesignerSession> OpenSessionAsync(TicketTypeDefinition definition)
    {
        var backend = new FakeDesignerBackend();
        await backend.CreateAsync(definition, "analyst");
        return new DesignerSession((await backend.GetDraftAsync(definition.Key))!, backend, "analyst");
    }

    public FlowNodeModel Node(string id) => Canvas.Diagram.Nodes.OfType<FlowNodeModel>().Single(n => n.Id == id);
    public IReadOnlyList<ConnectionLinkModel> Links => Canvas.Diagram.Links.OfType<ConnectionLinkModel>().ToList();

    /// <summary>A left-button pointer event at a point of the view box (client coordinates).</summary>
    public static CorePointer Pointer(double x, double y, bool ctrl = false, bool shift = false) =>
        new(x, y, 0, 1, ctrl, shift, false, 1, 1, 1, 0.5f, 0, 0, "mouse", true);

    /// <summary>Where a diagram point is on screen (client coordinates) with the current pan and zoom.</summary>
    public Point OnScreen(Point diagramPoint) => Canvas.Diagram.GetScreenPoint(diagramPoint.X, diagramPoint.Y);

    /// <summary>Presses on a model, drags by (dx, dy) screen pixels and lets go, as the library sees a mouse drag.</summary>
    public void Drag(Model model, Point from, double dx, double dy, Model? releaseOn = null)
    {
        var diagram = Canvas.Diagram;
        diagram.TriggerPointerDown(model, Pointer(from.X, from.Y));
        diagram.TriggerPointerMove(null, Pointer(from.X + dx / 2, from.Y + dy / 2));
        diagram.TriggerPointerMove(null, Pointer(from.X + dx, from.Y + dy));
        diagram.TriggerPointerUp(releaseOn, Pointer(from.X + dx, from.Y + dy));
    }

    public void Click(Model? model, bool ctrl = false)
    {
        Canvas.Diagram.TriggerPointerDown(model, Pointer(10, 10, ctrl));
        Canvas.Diagram.TriggerPointerUp(model, Pointer(10, 10, ctrl));
    }

    public static string Json(TicketTypeDefinition definition) => JsonSerializer.Serialize(definition, LowCodeJson.Options);

    public void Dispose() => Canvas.Dispose();
}
