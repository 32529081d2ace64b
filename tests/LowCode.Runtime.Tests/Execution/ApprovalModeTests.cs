using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Tests.Support;
using LowCode.Runtime.Validation;
using Xunit;
using static LowCode.Runtime.Tests.Support.Flows;

namespace LowCode.Runtime.Tests.Execution;

public sealed class ApprovalModeTests
{
    private static readonly Participant[] Board = [new(ParticipantKind.User, "wang"), new(ParticipantKind.User, "li"), new(ParticipantKind.User, "zhao")];

    private static Driver Approval(ApprovalMode mode, params Participant[] approvers)
    {
        var node = new ApprovalNode { Id = "approve", Levels = [new ApprovalLevel { Name = "board", Mode = mode, Approvers = [.. approvers] }] };
        var definition = Build([Start(), node, End("ok"), End("no", Resolutions.Rejected)],
            "start.out -> approve", "approve.approved -> ok", "approve.rejected -> no");
        var context = new PlanContext { FormFields = [new FieldSchema("Approver", DataType.User)] };
        return new Driver(definition, context).Start(new { Approver = "u-sun" });
    }

    [Fact]
    public void Any_of_is_settled_by_the_first_decision_and_withdraws_the_other_tasks()
    {
        var t = Approval(ApprovalMode.AnyOf, Board);
        Assert.Equal(["li", "wang", "zhao"], t.State.OpenTasks.Select(x => x.Assignee!).Order());

        t.CompleteTask(t.State.OpenTasks.First(x => x.Assignee == "li").Id, "approve", actor: "li");
        Assert.Equal("resolved", t.State.Resolution);
        Assert.Equal(2, t.State.Tasks.Count(x => x.Status == Runtime.Execution.TaskStatus.Cancelled));
    }

    [Fact]
    public void All_of_waits_for_every_approver()
    {
        var t = Approval(ApprovalMode.AllOf, Board);
        foreach (var who in new[] { "wang", "li" })
        {
            t.CompleteTask(t.State.OpenTasks.Single(x => x.Assignee == who).Id, "approve", actor: who);
            Assert.Equal(TicketStatus.Open, t.State.Status);
        }
        t.CompleteTask(t.State.OpenTasks.Single().Id, "approve", actor: "zhao");
        Assert.Equal("resolved", t.State.Resolution);
    }

    [Fact]
    public void All_of_is_rejected_by_any_single_rejection()
    {
        var t = Approval(ApprovalMode.AllOf, Board);
        t.CompleteTask(t.State.OpenTasks.Single(x => x.Assignee == "wang").Id, "approve", actor: "wang");
        t.CompleteTask(t.State.OpenTasks.Single(x => x.Assignee == "zhao").Id, "reject", actor: "zhao");

        Assert.Equal("rejected", t.State.Resolution);
        Assert.Empty(t.State.OpenTasks);
    }

    [Fact]
    public void Single_mode_with_several_approvers_offers_one_task_to_all_of_them()
    {
        var t = Approval(ApprovalMode.Single, Board);
        var task = t.State.OpenTasks.Single();
        Assert.Null(task.Assignee);
        Assert.Equal(Board, task.Candidates);
    }

    [Fact]
    public void Approver_from_a_user_picker_field_is_resolved_when_the_level_opens()
    {
        var t = Approval(ApprovalMode.Single, new Participant(ParticipantKind.Expression, "form.Approver"));
        Assert.Equal("u-sun", t.State.OpenTasks.Single().Assignee);
    }
}
