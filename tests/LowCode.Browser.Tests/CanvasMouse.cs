using Microsoft.Playwright;

namespace LowCode.Browser.Tests;

/// <summary>
/// What an analyst does with the mouse on the workflow canvas, for the browser tests: real pointer drags (down,
/// several moves, up), which is what the diagram library listens to, and the step positions it writes.
/// </summary>
internal static class CanvasMouse
{
    /// <summary>Drags from the middle of <paramref name="from"/> to the middle of <paramref name="to"/>: a port onto a step connects them.</summary>
    public static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        var target = (await to.BoundingBoxAsync())!;
        await DragToPointAsync(page, from, target.X + target.Width / 2, target.Y + target.Height / 2);
    }

    /// <summary>Drags <paramref name="from"/> by an offset: a step's name moves the step.</summary>
    public static async Task DragByAsync(IPage page, ILocator from, float dx, float dy)
    {
        var box = (await from.BoundingBoxAsync())!;
        await DragToPointAsync(page, from, box.X + box.Width / 2 + dx, box.Y + box.Height / 2 + dy);
    }

    public static async Task DragToPointAsync(IPage page, ILocator from, float x, float y)
    {
        var box = (await from.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x, y, new MouseMoveOptions { Steps = 10 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The step's top in diagram coordinates, as the library writes it on the node's element.</summary>
    public static async Task<double> TopAsync(ILocator node) =>
        await node.EvaluateAsync<double>("e => parseFloat(e.style.top)");

    /// <summary>Waits (Playwright's own polling, up to its timeout) until the step's top is within a pixel of <paramref name="top"/>.</summary>
    public static Task WaitForTopAsync(IPage page, string nodeId, double top) =>
        page.WaitForFunctionAsync("([id, top]) => Math.abs(parseFloat(document.querySelector(`.diagram-node[data-node-id='${id}']`).style.top) - top) <= 1",
            new object[] { nodeId, top });
}
