using System.Text.RegularExpressions;
using LowCode.Browser.Tests.Hosting;
using LowCode.Grains.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using Xunit;
using static LowCode.Browser.Tests.CanvasMouse;
using static Microsoft.Playwright.Assertions;

namespace LowCode.Browser.Tests;

/// <summary>
/// A new analyst's first ticket type, end to end in the browser: a purchase request whose form has an amount and a
/// purpose, and whose flow sends it to a finance clerk (a dispatch rule) and then to one of two approvals by the
/// amount. The analyst validates (a dangling end shows up and is fixed), test-runs both branches, publishes, and a
/// customer submits the generated form in the portal and sees the ticket running.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerJourneyTests(BrowserHost host)
{
    private const string CheckStep = "采购核对 Check request";

    [Fact]
    public async Task Analyst_builds_tests_and_publishes_a_two_branch_approval_and_a_customer_submits_it_in_the_portal()
    {
        var key = $"purchase-{Guid.NewGuid():N}"[..17];
        var page = await host.SignInAsync("analyst", "/designer");
        await page.SetViewportSizeAsync(1920, 1080); // room on the canvas for the whole flow at zoom 1

        await CreateTypeAsync(page, key);
        await DesignFormAsync(page);
        await DrawFlowAsync(page);
        await SetConditionAndAssignmentAsync(page);
        await FindAndFixTheDanglingEndAsync(page);
        await TestRunBothBranchesAsync(page);
        await PublishAsync(page, key);
        await SubmitInThePortalAsync(key);
    }

    private static async Task CreateTypeAsync(IPage page, string key)
    {
        await page.Locator("[data-action=new-type]").ClickAsync();
        await page.Locator("[data-field=new-key]").FillAsync(key);
        await page.Locator("[data-field=new-name]").FillAsync("采购申请 Purchase request");
        await page.Locator("[data-field=new-category]").FillAsync("Finance 财务");
        await page.Locator("[data-action=create-type]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/designer/types/{key}$"));
    }

    /// <summary>Two fields dragged from the palette, renamed to keys the flow's expressions use, seen in the live preview.</summary>
    private static async Task DesignFormAsync(IPage page)
    {
        await page.Locator("[data-tab=form]").ClickAsync();
        var section = page.Locator("[data-drop-section='0']");
        await page.Locator("[data-palette-field=money]").DragToAsync(section);
        await Expect(page.Locator("[data-form-field=Money1]")).ToBeVisibleAsync();
        await SetFieldAsync(page, "Money1", "Amount", "金额 Amount");
        await page.Locator("[data-panel=field-properties] [data-prop=required]").CheckAsync();

        await page.Locator("[data-palette-field=text]").DragToAsync(section.Locator(".fd-drop-hint")); // below the amount
        await Expect(page.Locator("[data-form-field=Text1]")).ToBeVisibleAsync();
        await SetFieldAsync(page, "Text1", "Purpose", "用途 Purpose");
        await Expect(section.Locator("[data-form-field]").First).ToHaveAttributeAsync("data-form-field", "Amount");
        await Expect(section.Locator("[data-form-field]").Last).ToHaveAttributeAsync("data-form-field", "Purpose");

        var preview = page.Locator("[data-panel=form-preview]");
        await Expect(preview.Locator("label[for=preview-Amount]")).ToContainTextAsync("金额 Amount");
        await Expect(preview.Locator("#preview-Amount")).ToBeVisibleAsync();
        await Expect(preview.Locator("label[for=preview-Purpose]")).ToContainTextAsync("用途 Purpose");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Artifacts, "designer-journey-form.png"), FullPage = true });
    }

    private static async Task SetFieldAsync(IPage page, string dropped, string key, string label)
    {
        await page.Locator($"[data-form-field={dropped}] [data-action=select-field]").ClickAsync();
        var properties = page.Locator("[data-panel=field-properties]");
        await Expect(properties).ToHaveAttributeAsync("data-field-key", dropped);
        await Commit(properties.Locator("[data-prop=key]"), key);
        await Expect(properties).ToHaveAttributeAsync("data-field-key", key);
        await Commit(properties.Locator("[data-prop=label]"), label);
        await Expect(page.Locator($"[data-form-field={key}]")).ToContainTextAsync(label);
    }

    /// <summary>
    /// A new type is start → end. The analyst drops a user task, a condition, two approvals and a second end, moves
    /// the end to the right, and connects everything but the second end, which is left dangling.
    /// </summary>
    private static async Task DrawFlowAsync(IPage page)
    {
        await page.Locator("[data-tab=flow]").ClickAsync();
        await Expect(Node(page, "start")).ToBeVisibleAsync();
        await Expect(Node(page, "end")).ToBeVisibleAsync();
        await Expect(page.Locator("g[data-link]")).ToHaveCountAsync(1);

        // Steps are 160 wide; a drop puts the step's top-left 80 to the left of and 20 above the pointer.
        await DropAsync(page, "userTask", "userTask1", x: 80, y: 280);
        await RenameAsync(page, "userTask1", CheckStep);
        await DropAsync(page, "condition", "condition1", x: 300, y: 280);
        await DropAsync(page, "approval", "approval1", x: 520, y: 180);
        await RenameAsync(page, "approval1", "总监审批 Director approval");
        await DropAsync(page, "approval", "approval2", x: 520, y: 380);
        await RenameAsync(page, "approval2", "经理审批 Manager approval");
        await DropAsync(page, "end", "end1", x: 760, y: 380);

        var endTop = await TopAsync(Node(page, "end"));
        await DragByAsync(page, Node(page, "end").Locator("[data-field=node-name]"), 400, 60);
        await WaitForTopAsync(page, "end", endTop + 60);

        await ConnectAsync(page, "start", "out", "userTask1");
        await Expect(page.Locator("g[data-link][data-from=start]")).ToHaveCountAsync(1); // start → end became start → task
        await ConnectAsync(page, "userTask1", "done", "condition1");
        await ConnectAsync(page, "approval1", "approved", "end");
        await ConnectAsync(page, "approval1", "rejected", "end");
        await ConnectAsync(page, "approval2", "approved", "end");
        await ConnectAsync(page, "approval2", "rejected", "end");
        await Expect(page.Locator(".diagram-node[data-node-id]")).ToHaveCountAsync(7);
    }

    /// <summary>The condition's first branch becomes "large" (amount over 5000); the task is dispatched by a new rule to finance.</summary>
    private static async Task SetConditionAndAssignmentAsync(IPage page)
    {
        await Node(page, "condition1").Locator("[data-field=node-name]").ClickAsync();
        var condition = page.Locator("[data-node-properties=condition1]");
        await Commit(condition.Locator("[data-property='branches[0].port'] input"), "large");
        await Expect(condition.Locator("[data-branch=large]")).ToBeVisibleAsync();
        var when = condition.Locator("[data-property='branches[0].when'] textarea");
        await Commit(when, "form.Amount > 5000");
        await Expect(when).ToHaveAttributeAsync("aria-invalid", "false");
        await Commit(condition.Locator("[data-property='branches[0].label'] input"), "大额 Over 5000");
        await Expect(Node(page, "condition1").Locator("[data-port=large]")).ToBeVisibleAsync();
        await ConnectAsync(page, "condition1", "large", "approval1");
        await ConnectAsync(page, "condition1", "default", "approval2");

        await Node(page, "userTask1").Locator("[data-field=node-name]").ClickAsync();
        var task = page.Locator("[data-node-properties=userTask1]");
        await task.Locator("[data-assignment-mode=rule]").CheckAsync();
        await task.Locator("[data-action=new-dispatch-rule]").ClickAsync();
        var rule = task.Locator("[data-dispatch-rule=rule-1]");
        await Commit(rule.Locator("[data-property='dispatchRules[0].team'] input"), "finance");
        await rule.Locator("[data-property='dispatchRules[0].strategy'] select").SelectOptionAsync("leastLoaded");
        await Expect(Node(page, "userTask1").Locator("[data-field=assignee]")).ToContainTextAsync(new Regex("rule-1.*finance.*leastLoaded"));
    }

    /// <summary>Validate lists the unreachable second end; clicking the problem selects it; connecting it fixes the flow.</summary>
    private static async Task FindAndFixTheDanglingEndAsync(IPage page)
    {
        await page.Locator("[data-action=validate]").ClickAsync();
        await Expect(page.Locator("[data-designer-message]")).ToHaveClassAsync(new Regex(@"\berror\b"));
        var problems = page.Locator("[data-list=problems] li");
        await Expect(problems).ToHaveCountAsync(1);
        var problem = page.Locator("[data-list=problems] li[data-node=end1][data-problem-code=unreachable]");
        await Expect(problem).ToBeVisibleAsync();
        await Expect(Node(page, "end1").Locator("[data-marker=problem]")).ToBeVisibleAsync();

        await problem.Locator("button").ClickAsync();
        await Expect(page.Locator("[data-node-properties=end1]")).ToBeVisibleAsync();
        await Expect(Node(page, "end1").Locator(".flow-node")).ToHaveClassAsync(new Regex(@"\bselected\b"));

        // The manager's approval should close on its own end: its "approved" connection moves there.
        await ConnectAsync(page, "approval2", "approved", "end1");
        await Expect(page.Locator("g[data-link][data-from=approval2][data-port=approved][data-to=end]")).ToHaveCountAsync(0);
        await page.Locator("[data-action=validate]").ClickAsync();
        await Expect(page.Locator("[data-designer-message]")).ToHaveClassAsync(new Regex(@"\bok\b"));
        await Expect(page.Locator("[data-empty=problems]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-field=problem-count]")).ToHaveTextAsync("0");
        await Expect(page.Locator("g[data-link]")).ToHaveCountAsync(8);
        await page.Locator("[data-action=fit]").ClickAsync(); // the problem list brought the end into view; show the whole flow
        await Expect(Node(page, "start")).ToBeInViewportAsync();
        await page.Locator("[data-panel=workflow-canvas]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserHost.Artifacts, "designer-journey-canvas.png") });
    }

    /// <summary>8000 goes through the director's approval, 100 through the manager's; the path is marked on the canvas.</summary>
    private static async Task TestRunBothBranchesAsync(IPage page)
    {
        await page.Locator("[data-tab=testrun]").ClickAsync();
        var run = page.Locator("[data-panel=test-run]");

        await StartRunAsync(page, amount: "8000");
        var check = run.Locator("[data-waiting-tasks] article[data-node=userTask1]");
        await Expect(check.Locator("[data-dispatch-decision]")).ToHaveAttributeAsync("data-outcome", "assigned");
        await Expect(check.Locator(".assignee")).ToContainTextAsync("fin-gao");
        await check.Locator("[data-action=complete][data-outcome=done]").ClickAsync();
        await Expect(Node(page, "approval1").Locator(".flow-node")).ToHaveAttributeAsync("data-run", "current");
        await Expect(page.Locator("g[data-link][data-from=condition1][data-port=large]")).ToHaveAttributeAsync("data-taken", "true");
        await Expect(run.Locator("[data-waiting-tasks] article[data-node=approval2]")).ToHaveCountAsync(0);
        await run.Locator("[data-waiting-tasks] article[data-node=approval1] [data-action=complete][data-outcome=approve]").ClickAsync();
        await Expect(Node(page, "end").Locator(".flow-node")).ToHaveAttributeAsync("data-run", new Regex("visited|current"));
        await Expect(run.Locator("[data-waiting-tasks] article")).ToHaveCountAsync(0);
        await Expect(Node(page, "approval2").Locator(".flow-node")).Not.ToHaveAttributeAsync("data-run", new Regex("."));
        await Expect(run.Locator("[data-step-log] li[data-node=approval1]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Artifacts, "designer-journey-testrun.png"), FullPage = true });

        await run.Locator("[data-action=reset]").ClickAsync();
        await StartRunAsync(page, amount: "100");
        await run.Locator("[data-waiting-tasks] article[data-node=userTask1] [data-action=complete][data-outcome=done]").ClickAsync();
        await Expect(Node(page, "approval2").Locator(".flow-node")).ToHaveAttributeAsync("data-run", "current");
        await Expect(page.Locator("g[data-link][data-from=condition1][data-port=default]")).ToHaveAttributeAsync("data-taken", "true");
        await Expect(run.Locator("[data-waiting-tasks] article[data-node=approval1]")).ToHaveCountAsync(0);
        await run.Locator("[data-waiting-tasks] article[data-node=approval2] [data-action=complete][data-outcome=approve]").ClickAsync();
        await Expect(Node(page, "end1").Locator(".flow-node")).ToHaveAttributeAsync("data-run", new Regex("visited|current"));
        await Expect(run.Locator("[data-waiting-tasks] article")).ToHaveCountAsync(0);
        await Expect(Node(page, "approval1").Locator(".flow-node")).Not.ToHaveAttributeAsync("data-run", new Regex("."));
    }

    private static async Task StartRunAsync(IPage page, string amount)
    {
        var amountInput = page.Locator("#test-run-form-Amount");
        await Commit(amountInput, amount);
        await Commit(page.Locator("#test-run-form-Purpose"), "办公椅 Office chairs");
        await page.Locator("[data-test-run-setup] [data-action=start]").ClickAsync();
        await Expect(page.Locator("[data-waiting-tasks] article[data-node=userTask1]")).ToBeVisibleAsync();
        await Expect(Node(page, "userTask1").Locator(".flow-node")).ToHaveAttributeAsync("data-run", "current");
    }

    private static async Task PublishAsync(IPage page, string key)
    {
        await page.Locator("[data-action=publish]").ClickAsync();
        await Expect(page.Locator("[data-designer-message]")).ToHaveClassAsync(new Regex(@"\bok\b"));
        await page.Locator("[data-tab=versions]").ClickAsync();
        await Expect(page.Locator("[data-list=versions] tr[data-version]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-list=versions] tr[data-version='1']")).ToBeVisibleAsync();
        await page.GotoAsync("/designer");
        await Expect(page.Locator($"tr[data-ticket-type={key}]")).ToHaveAttributeAsync("data-status", "published");
    }

    /// <summary>The customer finds the new type in the catalog, submits 8000, and the ticket waits at the finance clerk's check.</summary>
    private async Task SubmitInThePortalAsync(string key)
    {
        var page = await host.SignInAsync("zhangsan", "/portal");
        await page.Locator($"[data-ticket-type={key}] [data-action=open-form]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/portal/new/{key}$"));
        await Commit(page.Locator("#portal-form-Amount"), "8000");
        await Commit(page.Locator("#portal-form-Purpose"), "十把办公椅 Ten office chairs");
        await page.Locator("[data-submit]").ClickAsync();

        var number = page.Locator("[data-confirmation] [data-field=ticket-number]");
        await Expect(number).ToHaveTextAsync(new Regex(@"\S+"));
        var id = await number.InnerTextAsync();
        var ticket = (await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>(id).Get())!.State;
        Assert.Equal(key, ticket.TicketType);
        Assert.Equal(1, ticket.Version);
        Assert.Equal(8000m, Convert.ToDecimal(ticket.Form["Amount"], System.Globalization.CultureInfo.InvariantCulture));

        await page.Locator("[data-confirmation] [data-action=view-ticket]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/tickets/{Regex.Escape(id)}$"));
        await Expect(page.Locator("[data-field=status] .status")).ToHaveClassAsync(new Regex(@"\bstatus-open\b"));
        var step = page.Locator("[data-list=current-steps] li");
        await Expect(step).ToHaveCountAsync(1);
        await Expect(step).ToContainTextAsync(CheckStep);
        await Expect(step).ToContainTextAsync("fin-gao");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Artifacts, "designer-journey-ticket.png"), FullPage = true });
    }

    // ----- canvas -----

    private static ILocator Node(IPage page, string id) => page.Locator($".diagram-node[data-node-id={id}]");

    /// <summary>Drags a palette item onto the canvas so the new step's top-left lands at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    private static async Task DropAsync(IPage page, string kind, string expectedId, float x, float y)
    {
        await page.Locator($"[data-palette-kind={kind}]").DragToAsync(page.Locator("[data-canvas-surface]"),
            new LocatorDragToOptions { TargetPosition = new TargetPosition { X = x + 80, Y = y + 20 } });
        await Expect(Node(page, expectedId)).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-node-properties={expectedId}]")).ToBeVisibleAsync(); // a dropped step is selected
    }

    /// <summary>Renames the selected step in the properties panel.</summary>
    private static async Task RenameAsync(IPage page, string nodeId, string name)
    {
        await Commit(page.Locator($"[data-node-properties={nodeId}] [data-property=name] input"), name);
        await Expect(Node(page, nodeId).Locator("[data-field=node-name]")).ToHaveTextAsync(name);
    }

    /// <summary>Drags from an outcome port onto a step's name and waits for the connection to be drawn.</summary>
    private static async Task ConnectAsync(IPage page, string from, string port, string to)
    {
        await DragAsync(page, Node(page, from).Locator($"[data-port={port}]"), Node(page, to).Locator("[data-field=node-name]"));
        await Expect(page.Locator($"g[data-link][data-from={from}][data-port={port}][data-to={to}]")).ToHaveCountAsync(1);
    }

    /// <summary>Types a value and leaves the input, which is when Blazor's change event commits it.</summary>
    private static async Task Commit(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.BlurAsync();
    }
}
