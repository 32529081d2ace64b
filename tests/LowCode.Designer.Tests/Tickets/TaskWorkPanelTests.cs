using System.Collections.Immutable;
using System.Security.Claims;
using Bunit.TestDoubles;
using LowCode.Designer.Access;
using LowCode.Designer.Tickets;
using LowCode.Forms.Components.Hosting;
using LowCode.Forms.Validation;
using LowCode.Grains.ReadModel;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Execution;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Designer.Tests.Tickets;

/// <summary>The ticket page's task panel: the step's form, a button per action, the server's problems under their fields, claim.</summary>
public sealed class TaskWorkPanelTests : BunitContext
{
    private const string TicketId = "T-1";
    private readonly FakeTaskWork _work = new();

    public TaskWorkPanelTests()
    {
        Services.AddLowCodeFormComponents();
        Services.AddSingleton<IUiAccess>(new EveryoneWorks());
        Services.AddSingleton<ITaskWork>(_work);
        AddAuthorization().SetAuthorized("tech-li");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Shows_the_steps_form_with_a_button_per_action()
    {
        var panel = Render();

        Assert.NotNull(panel.Find("[data-task-form] textarea[data-path=RepairNotes]"));
        Assert.Equal(["repaired", "needsParts"], panel.FindAll("[data-task-action]").Select(b => b.GetAttribute("data-task-action")));
        Assert.Contains("Assigned to you", panel.Find("[data-field=assignee]").TextContent);
    }

    [Fact]
    public void Completing_sends_the_forms_clean_data_with_the_action_and_reloads_the_ticket()
    {
        var panel = Render();
        panel.Find("textarea[data-path=RepairNotes]").Input("Replaced the contactor");
        panel.Find("input[data-path=PartsCost]").Change("120");

        panel.Find("[data-task-action=repaired]").Click();

        var (action, data, _) = Assert.Single(_work.Completed);
        Assert.Equal("repaired", action);
        Assert.Equal("Replaced the contactor", data["RepairNotes"]);
        Assert.Equal(120m, data["PartsCost"]);
        Assert.EndsWith($"/tickets/{TicketId}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void The_servers_problems_show_under_their_fields_and_nothing_reloads()
    {
        _work.Refusal = new TaskWorkOutcome(false, "Repair report has 1 problem(s).", [new FormProblem("PartsCost", "max", "Parts above 10,000 need a purchase order.")]);
        var panel = Render();
        panel.Find("input[data-path=PartsCost]").Change("12000");

        panel.Find("[data-task-action=repaired]").Click();

        Assert.Contains("Parts above 10,000 need a purchase order.", panel.Find("div.gf-field[data-path=PartsCost] .gf-errors").TextContent);
        Assert.Contains("1 problem", panel.Find("[data-task-message]").TextContent);
        Assert.DoesNotContain($"/tickets/{TicketId}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void An_action_that_needs_a_comment_asks_for_one_first()
    {
        var panel = Render();

        panel.Find("[data-task-action=needsParts]").Click();
        Assert.Empty(_work.Completed);
        Assert.Contains("needs a comment", panel.Find("[data-task-message]").TextContent);

        panel.Find("#task-comment").Change("Contactor on order");
        panel.Find("[data-task-action=needsParts]").Click();
        Assert.Equal("Contactor on order", Assert.Single(_work.Completed).Comment);
    }

    [Fact]
    public void A_queue_task_is_claimed_and_the_page_reloads_on_it()
    {
        _work.Assignee = null;
        var panel = Render();
        Assert.Contains("queue", panel.Find("[data-field=assignee]").TextContent);

        panel.Find("[data-action=claim]").Click();

        Assert.Equal(1, _work.Claims);
        Assert.Contains($"/tickets/{TicketId}?task=t1", Services.GetRequiredService<NavigationManager>().Uri);
    }

    private IRenderedComponent<TaskWorkPanel> Render() =>
        Render<TaskWorkPanel>(p => p.Add(c => c.TicketId, TicketId).Add(c => c.TaskId, "t1"));

    private sealed class FakeTaskWork : ITaskWork
    {
        public string? Assignee { get; set; } = "tech-li";
        public TaskWorkOutcome? Refusal { get; set; }
        public List<(string Action, ImmutableDictionary<string, object?> Data, string? Comment)> Completed { get; } = [];
        public int Claims { get; private set; }

        public Task<TaskWorkView?> OpenAsync(ClaimsPrincipal user, string ticketId, string taskId, CancellationToken ct = default) =>
            Task.FromResult<TaskWorkView?>(new TaskWorkView(ticketId, taskId, "维修 Repair", Assignee, ReferenceForms.RepairReport(), new FormValidationContext(),
                [new("repaired", "Repaired", false), new("needsParts", "Waiting for parts", true)])
            {
                CanComplete = true, CanClaim = Assignee is null, CanRelease = Assignee is not null, IsMine = Assignee == "tech-li",
            });

        public Task<TaskWorkOutcome> CompleteAsync(ClaimsPrincipal user, string ticketId, string taskId, string action,
            ImmutableDictionary<string, object?> data, string? comment, CancellationToken ct = default)
        {
            Completed.Add((action, data, comment));
            return Task.FromResult(Refusal ?? TaskWorkOutcome.Done);
        }

        public Task<TaskWorkOutcome> ClaimAsync(ClaimsPrincipal user, string ticketId, string taskId, CancellationToken ct = default)
        {
            Claims++;
            return Task.FromResult(TaskWorkOutcome.Done);
        }

        public Task<TaskWorkOutcome> ReleaseAsync(ClaimsPrincipal user, string ticketId, string taskId, CancellationToken ct = default) =>
            Task.FromResult(TaskWorkOutcome.Done);
    }

    private sealed class EveryoneWorks : IUiAccess
    {
        public Viewer Viewer(ClaimsPrincipal user) =>
            new("tech-li", "李强", new HashSet<UiArea> { UiArea.Portal, UiArea.Workspace }, true, TicketVisibility.All);

        public bool CanSee(ClaimsPrincipal user, TicketState ticket) => true;

        public bool CanWork(ClaimsPrincipal user, TicketState ticket, TaskState task) => true;
    }
}
