namespace LowCode.Designer.Localization;

/// <summary>
/// The designer's test run text, read through <c>IStringLocalizer&lt;TestRunText&gt;</c> from
/// <c>Resources/Localization/TestRunText*.resx</c> (English; Chinese for zh-CN). Each constant is a resource name.
/// </summary>
public sealed class TestRunText
{
    public const string Title = nameof(Title);
    public const string Intro = nameof(Intro);
    public const string SampleForm = nameof(SampleForm);
    public const string FormJson = nameof(FormJson);
    public const string FormJsonInvalid = nameof(FormJsonInvalid);
    public const string Priority = nameof(Priority);
    public const string StartAt = nameof(StartAt);
    public const string Requester = nameof(Requester);
    public const string RequesterSummary = nameof(RequesterSummary);
    public const string AgentPool = nameof(AgentPool);
    public const string AgentId = nameof(AgentId);
    public const string AgentName = nameof(AgentName);
    public const string Skills = nameof(Skills);
    public const string Region = nameof(Region);
    public const string OnDuty = nameof(OnDuty);
    public const string Capacity = nameof(Capacity);
    public const string OpenTasks = nameof(OpenTasks);
    public const string AddAgent = nameof(AddAgent);
    public const string RemoveAgent = nameof(RemoveAgent);
    public const string Start = nameof(Start);
    public const string Reset = nameof(Reset);
    public const string CompileProblems = nameof(CompileProblems);
    public const string FormProblems = nameof(FormProblems);
    public const string VirtualClock = nameof(VirtualClock);
    public const string Advance1h = nameof(Advance1h);
    public const string Advance1d = nameof(Advance1d);
    public const string AdvanceNext = nameof(AdvanceNext);
    public const string NextDue = nameof(NextDue);
    public const string NothingDue = nameof(NothingDue);
    public const string Closed = nameof(Closed);
    public const string Status = nameof(Status);
    public const string WaitingTasks = nameof(WaitingTasks);
    public const string NoWaitingTasks = nameof(NoWaitingTasks);
    public const string Assignee = nameof(Assignee);
    public const string OfferedTo = nameof(OfferedTo);
    public const string AssignedByRule = nameof(AssignedByRule);
    public const string Unassigned = nameof(Unassigned);
    public const string Comment = nameof(Comment);
    public const string TaskDue = nameof(TaskDue);
    public const string TaskForm = nameof(TaskForm);
    public const string HttpCalls = nameof(HttpCalls);
    public const string HttpBody = nameof(HttpBody);
    public const string HttpSucceed = nameof(HttpSucceed);
    public const string HttpFail = nameof(HttpFail);
    public const string HttpAttempt = nameof(HttpAttempt);
    public const string ChildTickets = nameof(ChildTickets);
    public const string CloseChild = nameof(CloseChild);
    public const string Timers = nameof(Timers);
    public const string NoTimers = nameof(NoTimers);
    public const string SlaClocks = nameof(SlaClocks);
    public const string SlaBreached = nameof(SlaBreached);
    public const string SlaSummary = nameof(SlaSummary);
    public const string ThresholdPassed = nameof(ThresholdPassed);
    public const string TheAssignees = nameof(TheAssignees);
    public const string Dispatch = nameof(Dispatch);
    public const string DispatchRule = nameof(DispatchRule);
    public const string DispatchOutcome = nameof(DispatchOutcome);
    public const string DispatchWhy = nameof(DispatchWhy);
    public const string ColCandidate = nameof(ColCandidate);
    public const string ColFilter = nameof(ColFilter);
    public const string ColStatus = nameof(ColStatus);
    public const string ColScore = nameof(ColScore);
    public const string ColRank = nameof(ColRank);
    public const string ColLoad = nameof(ColLoad);
    public const string ColReservation = nameof(ColReservation);
    public const string StepLog = nameof(StepLog);
    public const string WouldNotify = nameof(WouldNotify);
    public const string WouldCall = nameof(WouldCall);
    public const string WouldCreateChild = nameof(WouldCreateChild);
    public const string Yes = nameof(Yes);
    public const string No = nameof(No);

    /// <summary>Resource names built from a value: a step kind, timer purpose, SLA clock kind or status, escalation action.</summary>
    public static string Step(Grains.TicketTypes.TestRuns.TestRunStepKind kind) => "Step_" + kind;
    public static string TimerPurpose(Runtime.Execution.TimerPurpose purpose) => "TimerPurpose_" + purpose;
    public static string SlaClock(Runtime.Definitions.SlaClockKind kind) => "SlaClock_" + kind;
    public static string SlaStatus(Runtime.Execution.SlaClockStatus status) => "SlaStatus_" + status;
    public static string Action(Runtime.Definitions.EscalationActionKind kind) => "Action_" + kind;
    public const string ActionPort = "Action_Port";
}
