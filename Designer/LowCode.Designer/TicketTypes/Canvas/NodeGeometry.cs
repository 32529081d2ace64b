using Blazor.Diagrams.Core.Geometry;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// The fixed size of a step on the canvas and where its ports sit. Sizes are computed here rather than measured in
/// the browser, so opening a large flow costs no JavaScript round trip per node and per port.
/// </summary>
public static class NodeGeometry
{
    public const double Width = 160; // the reference layouts place steps 180-200 px apart
    public const double PortSize = 12;
    private const double MinHeight = 76;
    private const double PortPitch = 22;

    public static double Height(int outcomePorts) => Math.Max(MinHeight, 16 + outcomePorts * PortPitch);

    /// <summary>Top-left of the input port, relative to the node: the middle of the left edge.</summary>
    public static Point InputPort(double height) => new(-PortSize / 2, height / 2 - PortSize / 2);

    /// <summary>Top-left of outcome port <paramref name="index"/> of <paramref name="count"/>, spread down the right edge.</summary>
    public static Point OutcomePort(int index, int count, double height) =>
        new(Width - PortSize / 2, height * (index + 1) / (count + 1) - PortSize / 2);
}
