using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Samples;
using LowCode.Runtime.Tests.Support;
using Xunit;

namespace LowCode.Runtime.Tests.Golden;

/// <summary>The three-level expense approval (费用审批) driven through every path.</summary>
public sealed class ExpenseFlowTests
{
    private static Driver Submit(params decimal[] lines)
    {
        var driver = new Driver(SampleTicketTypes.ExpenseApproval(), SampleTicketTypes.ExpenseApprovalContext());
        return driver.Start(new
        {
            Department = "Sales",
            Purpose = "Customer visit",
            Amount = 0m,
            Lines = lines.Select((a, i) => (object)new { Item = $"line {i + 1}", Category = "travel", Amount = a }).ToArray(),
        });
    }

    private static Participant ApproverOf(Driver t) => t.OpenTask("approve").Assignment.To!;

    [Fact]
    public void Small_expense_needs_only_the_line_manager()
    {
        var t = Submit(1200m, 800m);
        Assert.Equal(2000m, t.State.Vars["total"]);
        Assert.Equal(ParticipantKind.RequesterManager, ApproverOf(t).Kind);

        t.Complete("approve", "approve", actor: "u-li");
        Assert.Single(t.OpenTaskNodes, "pay");
        Assert.Contains(t.EffectsOf<SendNotificationEffect>(), n => n.Channel == "email" && n.Subject == "Expense T-1 approved");
        t.Complete("pay", "paid", actor: "fin-zhou");

        Assert.Equal("resolved", t.State.Resolution);
        Assert.Equal(["computeTotal", "approve", "notifyApproved", "pay", "paid"], t.Path);
    }

    [Fact]
    public void Medium_expense_adds_the_department_head()
    {
        var t = Submit(5000m, 3000m);
        t.Complete("approve", "approve", actor: "u-li");
        Assert.Equal(ParticipantKind.DepartmentHead, ApproverOf(t).Kind);
        Assert.Equal(1, t.OpenTask("approve").Level);
        t.Complete("approve", "approve", actor: "u-head");
        Assert.Single(t.OpenTaskNodes, "pay");
    }

    [Fact]
    public void Large_expense_goes_through_all_three_levels()
    {
        var t = Submit(20000m, 5000m);
        var approvers = new List<Participant>();
        for (var level = 0; level < 3; level++)
        {
            approvers.Add(ApproverOf(t));
            t.Complete("approve", "approve");
        }
        Assert.Equal([ParticipantKind.RequesterManager, ParticipantKind.DepartmentHead, ParticipantKind.Role], approvers.Select(a => a.Kind));
        Assert.Equal("finance-director", approvers[2].Value);
        t.Complete("pay", "paid");
        Assert.Equal("resolved", t.State.Resolution);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Rejection_at_any_level_ends_the_request_as_rejected(int rejectAtLevel)
    {
        var t = Submit(25000m);
        for (var level = 0; level < rejectAtLevel; level++) t.Complete("approve", "approve");
        t.Complete("approve", "reject", comment: "Not budgeted");

        Assert.Equal(TicketStatus.Closed, t.State.Status);
        Assert.Equal("rejected", t.State.Resolution);
        Assert.Contains(t.EffectsOf<SendNotificationEffect>(), n => n.Subject == "Expense T-1 rejected");
        Assert.DoesNotContain("pay", t.Path);
    }

    [Fact]
    public void Send_back_loops_to_the_requester_and_the_resubmission_is_approved_on_its_new_total()
    {
        var t = Submit(9000m);
        t.Complete("approve", "approve");
        t.Complete("approve", "sendBack", comment: "Split hotel and taxi");

        var revise = t.OpenTask("revise");
        Assert.Equal(ParticipantKind.Requester, revise.Assignment.To!.Kind);
        t.Complete("revise", "resubmit", new { Lines = new object[] { new { Item = "hotel", Category = "travel", Amount = 3000m } } }, actor: "u-zhang");

        Assert.Equal(3000m, t.State.Vars["total"]);
        Assert.Equal(0, t.OpenTask("approve").Level);
        t.Complete("approve", "approve");
        Assert.Single(t.OpenTaskNodes, "pay"); // 3,000 needs only the manager now
    }

    [Fact]
    public void Requester_can_withdraw_a_sent_back_request()
    {
        var t = Submit(500m);
        t.Complete("approve", "sendBack");
        t.Complete("revise", "withdraw", actor: "u-zhang");

        Assert.Equal(TicketStatus.Closed, t.State.Status);
        Assert.Equal("cancelled", t.State.Resolution);
    }

    [Fact]
    public void Approver_is_reminded_at_half_the_due_time_and_the_reminder_is_cancelled_once_decided()
    {
        var t = Submit(500m);
        t.Advance(TimeSpan.FromHours(10)); // 09:00 + 8 business hours (lunch excluded) = 18:00
        var reminder = t.Effects.OfType<SendNotificationEffect>().Single(n => n.Subject.StartsWith("Escalation"));
        Assert.Equal(ParticipantKind.RequesterManager, reminder.Recipients.Single().Kind);
        Assert.Contains("500", reminder.Body);

        var other = Submit(500m);
        other.Complete("approve", "approve");
        Assert.Empty(other.State.Timers.Where(x => x.Purpose == TimerPurpose.Escalation));
    }

    [Fact]
    public void A_decided_approval_cannot_be_decided_again_and_unknown_actions_are_refused()
    {
        var t = Submit(500m);
        var task = t.OpenTask("approve").Id;

        var wrong = Assert.Throws<EngineException>(() => t.CompleteTask(task, "resolve"));
        Assert.Equal(EngineError.InvalidInput, wrong.Error);
        Assert.Contains("approve, reject, sendBack", wrong.Message);

        t.CompleteTask(task, "approve", actor: "u-li");
        var again = Assert.Throws<EngineException>(() => t.CompleteTask(task, "approve"));
        Assert.Equal(EngineError.Conflict, again.Error);
        Assert.Contains("already completed by u-li", again.Message);

        var missing = Assert.Throws<EngineException>(() => t.CompleteTask("t-999", "approve"));
        Assert.Equal(EngineError.NotFound, missing.Error);
    }
}
