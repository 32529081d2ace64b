using System.Collections.Immutable;
using System.Text.RegularExpressions;
using LowCode.Browser.Tests.Hosting;
using LowCode.Grains.Contracts;
using LowCode.Grains.Tickets;
using LowCode.Runtime.Execution;
using LowCode.Server.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace LowCode.Browser.Tests;

/// <summary>An agent finds a task in the workspace, completes it with the step's task form on the ticket page, and the ticket moves on.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TaskWorkTests(BrowserHost host)
{
    [Fact]
    public async Task Agent_completes_a_repair_with_its_task_form_and_the_timeline_moves_on()
    {
        var id = await RepairTicketFor("tech-li");
        var page = await host.SignInAsync("agent", "/workspace");

        var row = page.Locator($"table[data-list=my-tasks] tr[data-ticket='{id}']");
        await Expect(row).ToHaveAttributeAsync("data-mine", "true");
        await row.Locator("[data-action=open-task]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/tickets/{id}\\?task="));
        await Expect(page.Locator("#task-form-RepairNotes")).ToBeVisibleAsync();

        await page.Locator("#task-form-RepairNotes").FillAsync("更换接触器 Replaced the contactor");
        await page.Locator("#task-form-PartsCost").FillAsync("-5");
        await page.Locator("[data-task-action=repaired]").ClickAsync();
        await Expect(page.Locator("[data-field=PartsCost] .gf-error")).ToBeVisibleAsync(); // the same validator as the server: no negative cost
        await page.Locator("#task-form-PartsCost").FillAsync("120");
        await page.Locator("#task-form-PartsCost").BlurAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Artifacts, "task-form-repair.png"), FullPage = true });
        await page.Locator("[data-task-action=repaired]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, $"/tickets/{id}").ToString());
        await Expect(page.Locator(".timeline li[data-kind=TaskCompleted]")).ToContainTextAsync("维修 Repair");
        await Expect(page.Locator("[data-list=current-steps]")).ToContainTextAsync("质检 Quality check");
        var repair = (await Grain(id).Get())!.State.Tasks.Single(t => t.NodeId == "repair");
        Assert.Equal(("repaired", "tech-li"), (repair.Action, repair.ClosedBy));
        Assert.Equal(120m, (await Grain(id).Get())!.State.Form["PartsCost"]);
    }

    /// <summary>Opens an electrical repair in Shanghai for Zhang San and has the manager hand its repair step to the agent.</summary>
    private async Task<string> RepairTicketFor(string agent)
    {
        var id = TicketIds.New(DateTimeOffset.UtcNow);
        var form = ImmutableDictionary<string, object?>.Empty
            .Add("Asset", "配电柜 Switchboard B2").Add("Site", "SH").Add("Category", "electrical").Add("Description", "主开关跳闸 Main breaker trips").Add("Urgent", false);
        var opened = await Grain(id).Create(new CreateTicket("equipment-repair", DemoData.ZhangSan, DemoData.ZhangSan.Id) { Form = form, Title = "Switchboard B2 trips", Priority = "P3" });
        Assert.True(opened.Succeeded, opened.Message);
        var repair = opened.Value!.State.OpenTasks.Single(t => t.NodeId == "repair");
        if (repair.Assignee != agent)
        {
            var assigned = await Grain(id).Apply(new AssignTask(repair.Id, agent) { Actor = "u-li", Reason = "browser test" });
            Assert.True(assigned.Succeeded, assigned.Message);
        }
        return id;
    }

    private ITicketGrain Grain(string id) => host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>(id);
}
