using LowCode.Browser.Tests.Hosting;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using Xunit;
using static LowCode.Browser.Tests.CanvasMouse;
using static Microsoft.Playwright.Assertions;

namespace LowCode.Browser.Tests;

/// <summary>An analyst draws on the workflow canvas with the mouse: drop a step, connect it, move it, undo it all.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerCanvasTests(BrowserHost host)
{
    [Fact]
    public async Task Analyst_drops_a_task_connects_it_moves_it_and_undoes_each_step()
    {
        var key = await CreateTicketTypeAsync();
        var page = await host.SignInAsync("analyst", $"/designer/types/{key}");
        await page.SetViewportSizeAsync(1600, 1000);
        var nodes = page.Locator(".diagram-node[data-node-id]");
        var links = page.Locator("g[data-link]");
        var steps = ReferenceTicketTypes.ExpenseApproval().Workflow;
        await Expect(nodes).ToHaveCountAsync(steps.Nodes.Count);
        await Expect(links).ToHaveCountAsync(steps.Connections.Count);

        // Drop a user task into the empty space below the start of the flow.
        await page.Locator("[data-palette-kind=userTask]").DragToAsync(page.Locator("[data-canvas-surface]"),
            new LocatorDragToOptions { TargetPosition = new TargetPosition { X = 160, Y = 500 } });
        var task = page.Locator(".diagram-node[data-node-id=userTask1]");
        await Expect(task).ToBeVisibleAsync();
        await Expect(nodes).ToHaveCountAsync(steps.Nodes.Count + 1);

        // Drag from its "done" port onto the "revise" step.
        await DragAsync(page, task.Locator("[data-port=done]"), page.Locator(".diagram-node[data-node-id=revise] [data-field=node-name]"));
        await Expect(page.Locator("g[data-link][data-from=userTask1][data-port=done][data-to=revise]")).ToHaveCountAsync(1);
        await Expect(links).ToHaveCountAsync(steps.Connections.Count + 1);

        // Move it down by its name.
        var droppedTop = await TopAsync(task);
        await DragByAsync(page, task.Locator("[data-field=node-name]"), 0, 120);
        await WaitForTopAsync(page, "userTask1", droppedTop + 120);
        await page.Locator("[data-panel=workflow-canvas]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserHost.Artifacts, "designer-canvas.png") });

        // Undo the move, the connection, the drop — one at a time.
        var undo = page.Locator("[data-action=undo]");
        await undo.ClickAsync();
        await WaitForTopAsync(page, "userTask1", droppedTop);
        await undo.ClickAsync();
        await Expect(links).ToHaveCountAsync(steps.Connections.Count);
        await Expect(task).ToHaveCountAsync(1);
        await undo.ClickAsync();
        await Expect(nodes).ToHaveCountAsync(steps.Nodes.Count);
        await Expect(task).ToHaveCountAsync(0);
    }

    /// <summary>A fresh copy of the expense approval type, created through the ticket-type grain as the API does.</summary>
    private async Task<string> CreateTicketTypeAsync()
    {
        var key = "canvas-" + Guid.NewGuid().ToString("N")[..8];
        var definition = ReferenceTicketTypes.ExpenseApproval() with { Key = key, Name = "画布测试 Canvas test" };
        var outcome = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketTypeGrain>(key).Create(definition, "u-zhou");
        Assert.True(outcome.Succeeded, outcome.Message);
        return key;
    }
}
