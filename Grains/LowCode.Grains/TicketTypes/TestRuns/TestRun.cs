using System.Collections.Immutable;
using LowCode.Forms.Schema;
using LowCode.Forms.Validation;
using LowCode.Grains.Contracts;
using LowCode.Grains.Dispatch;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using LowCode.Runtime.Validation;
using TaskStatus = LowCode.Runtime.Execution.TaskStatus;

namespace LowCode.Grains.TicketTypes.TestRuns;

/// <summary>
/// A draft ticket type run on a virtual clock, in memory: the designer's test run. The draft is compiled and
/// the sample form checked exactly as for a real ticket, then the engine runs it as the ticket grain would —
/// tasks dispatched to a sample organisation, timers and SLA thresholds fired when the analyst moves the clock
/// on — but nothing leaves this object: no grain, no database, no notification, no http call, no child ticket.
/// Script steps run for real (they are sandboxed); the analyst answers http calls and closes child tickets.
/// Not thread-safe: one analyst drives one run.
/// </summary>
public sealed partial class TestRun
{
    public const string TicketId = "test-run";
    /// <summary>Who acts for tasks nobody holds (role or queue tasks): anyone but the requester and the system.</summary>
    public const string Analyst = "test-run-analyst";

    private readonly SampleOrganisation _organisation;
    private readonly TestRunDispatch _dispatch;
    private readonly RunPath _path;
    private readonly List<TestRunStep> _steps = [];
    private readonly Dictionary<string, DispatchDecision> _decisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpCallEffect> _httpCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CreateChildTicketEffect> _childTickets = new(StringComparer.Ordinal);

    private TestRun(TicketTypeDefinition definition, ExecutionPlan plan, TestRunSetup setup, IReadOnlyDictionary<string, BusinessCalendar> calendars)
    {
        Definition = definition;
        Plan = plan;
        Now = setup.StartAt;
        _organisation = setup.Organisation;
        _dispatch = new TestRunDispatch(definition, plan, setup.Organisation, calendars);
        _path = new RunPath(plan.Definition);
        Ticket = null!;
    }

    public TicketTypeDefinition Definition { get; }
    public ExecutionPlan Plan { get; }
    public DateTimeOffset Now { get; private set; }
    public TicketState Ticket { get; private set; }
    public IReadOnlyList<TestRunStep> Steps => _steps;

    /// <summary>Steps passed, steps waited at now, connections taken (indexes into the workflow's connections).</summary>
    public IReadOnlySet<string> Visited => _path.Visited;
    public IReadOnlySet<string> Current => _path.Current;
    public IReadOnlySet<int> TakenConnections => _path.Connections;

    /// <summary>
    /// Compiles the draft (as version <paramref name="version"/>) and starts a ticket with the sample data; refused with
    /// the compiler's problems when the draft does not compile, or the form validator's when the sample data is not valid.
    /// </summary>
    public static TestRunStart Start(TicketTypeDefinition draft, TestRunSetup setup, IReadOnlyDictionary<string, BusinessCalendar> calendars, int version = 1)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(setup);
        var compiled = TicketTypeCompiler.Compile(draft, version, calendars);
        if (compiled.Plan is null) return new TestRunStart(null) { Problems = compiled.Problems };

        var requester = setup.Organisation.Requester;
        var title = string.IsNullOrWhiteSpace(setup.Title) ? draft.Name : setup.Title.Trim();
        var priority = string.IsNullOrWhiteSpace(setup.Priority) ? "P3" : setup.Priority;
        var form = FormValidator.Validate(draft.Form ?? new FormSchema(), setup.Form, new FormValidationContext
        {
            Now = setup.StartAt, Requester = requester,
            Ticket = new TicketInfo(TicketId, draft.Key, priority, "open", title, setup.StartAt),
        });
        if (!form.IsValid) return new TestRunStart(null) { Problems = compiled.Problems, FormProblems = form.Problems };

        var run = new TestRun(draft, compiled.Plan, setup, calendars);
        var input = new StartTicket(form.CleanData) { At = setup.StartAt, Actor = requester.Id, Requester = requester, Title = title, Priority = priority };
        EngineResult result;
        try
        {
            result = WorkflowEngine.Start(compiled.Plan, TicketId, input);
        }
        catch (EngineException e)
        {
            return new TestRunStart(null) { Problems = [.. compiled.Problems, new ValidationProblem("engine", e.Message)] };
        }
        run.Record(new TestRunStep(1, setup.StartAt, TestRunStepKind.Started) { Subject = title }, [compiled.Plan.StartNodeId], result);
        return new TestRunStart(run) { Problems = compiled.Problems };
    }

    /// <summary>Completes an open task with one of its actions, the task form's data checked by the form validator first.</summary>
    public TestRunOutcome Complete(string taskId, string action, ImmutableDictionary<string, object?>? data = null, string? comment = null)
    {
        if (Ticket.FindTask(taskId) is not { } task) return TestRunOutcome.Refused($"The test run has no task '{taskId}'.");
        var schema = TaskFormOf(task) ?? new FormSchema();
        var checkedData = FormValidator.Validate(schema, data ?? ImmutableDictionary<string, object?>.Empty, new FormValidationContext
        {
            Now = Now, Requester = Ticket.Requester, Vars = Ticket.Vars,
            Ticket = new TicketInfo(TicketId, Ticket.TicketType, Ticket.Priority, Ticket.Status.ToString().ToLowerInvariant(), Ticket.Title, Ticket.CreatedAt),
        });
        if (!checkedData.IsValid)
            return new TestRunOutcome(false, $"The task form has {checkedData.Problems.Count} problem(s).") { FormProblems = checkedData.Problems };
        var actor = task.Assignee ?? Analyst;
        return Apply(new CompleteTask(taskId, action) { Data = checkedData.CleanData, Comment = comment, Actor = actor },
            new TestRunStep(0, Now, TestRunStepKind.TaskCompleted) { Subject = task.Name, Detail = action });
    }

    /// <summary>Answers a pending http call as the analyst chose: success with a sample response body, or a failure.</summary>
    public TestRunOutcome AnswerHttpCall(string requestId, bool succeeded, string? body = null, int? statusCode = null)
    {
        if (!PendingHttpCalls.Any(c => c.RequestId == requestId)) return TestRunOutcome.Refused($"No http call '{requestId}' is waiting for an answer.");
        var status = statusCode ?? (succeeded ? 200 : 500);
        var input = new HttpCallCompleted(requestId, status) { Body = succeeded ? body : null, Error = succeeded ? null : $"HTTP {status} (test run)" };
        return Apply(input, new TestRunStep(0, Now, TestRunStepKind.HttpCallAnswered) { Subject = _httpCalls[requestId].Url, Detail = succeeded ? $"{status}" : "failed" });
    }

    /// <summary>Closes a child ticket the flow waits for, with the resolution the analyst chose.</summary>
    public TestRunOutcome CloseChildTicket(string requestId, string resolution)
    {
        if (!PendingChildTickets.Any(c => c.RequestId == requestId)) return TestRunOutcome.Refused($"No child ticket '{requestId}' is awaited.");
        return Apply(new ChildTicketClosed(requestId, $"{requestId}-child", resolution),
            new TestRunStep(0, Now, TestRunStepKind.ChildTicketClosed) { Subject = _childTickets[requestId].TicketType, Detail = resolution });
    }

    /// <summary>Moves the virtual clock on by <paramref name="span"/>, firing every timer and SLA threshold due meanwhile, in due order.</summary>
    public TestRunOutcome Advance(TimeSpan span) =>
        span < TimeSpan.Zero ? TestRunOutcome.Refused("The clock only moves forward.") : AdvanceTo(Now + span);

    /// <summary>Moves the clock to the next deadline (and fires everything due then); nothing happens when none is armed.</summary>
    public TestRunOutcome AdvanceToNextDue() =>
        NextDue is { } due ? AdvanceTo(due > Now ? due : Now) : TestRunOutcome.Refused("Nothing is waiting for time to pass.");

    public TestRunOutcome AdvanceTo(DateTimeOffset until)
    {
        if (until < Now) return TestRunOutcome.Refused("The clock only moves forward.");
        var fired = false;
        while (Ticket.Timers.Where(t => t.DueAt <= until).OrderBy(t => t.DueAt).FirstOrDefault() is { } timer)
        {
            if (timer.DueAt > Now) Now = timer.DueAt;
            var outcome = Apply(new TimerFired(timer.Id) { Actor = "system" },
                new TestRunStep(0, Now, TestRunStepKind.TimerFired) { Subject = Describe(timer), Detail = timer.Purpose.ToString() });
            if (!outcome.Succeeded) return outcome;
            fired = true;
            if (Ticket.Timers.Any(t => t.Id == timer.Id)) break; // the engine kept it (the ticket closed): nothing more fires
        }
        if (until > Now || !fired)
        {
            Now = until;
            _steps.Add(new TestRunStep(_steps.Count + 1, Now, TestRunStepKind.ClockAdvanced) { Subject = until.ToString("u", System.Globalization.CultureInfo.InvariantCulture) });
        }
        return TestRunOutcome.Ok;
    }

    private TestRunOutcome Apply(WorkflowInput input, TestRunStep step)
    {
        var from = Ticket.Tokens.Select(t => t.NodeId).ToList();
        EngineResult result;
        try
        {
            result = WorkflowEngine.Apply(Plan, Ticket, input with { At = Now });
        }
        catch (EngineException e)
        {
            return TestRunOutcome.Refused(e.Message);
        }
        Record(step with { Number = _steps.Count + 1, At = Now }, from, result);
        return TestRunOutcome.Ok;
    }

    /// <summary>Dispatches the tasks the transition opened (as the ticket grain does before storing it), then logs the step and its path.</summary>
    private void Record(TestRunStep step, IEnumerable<string> from, EngineResult result)
    {
        var state = result.State;
        var effects = result.Effects.ToList();
        var decisions = new List<DispatchDecision>();
        foreach (var created in result.Effects.OfType<CreateTaskEffect>())
        {
            if (state.FindTask(created.Task.Id) is not { Status: TaskStatus.Open, Assignee: null } task) continue;
            var current = state;
            if (_dispatch.Decide(state, task, Now, agent => LoadOf(current, agent)) is not { } decision) continue;
            var next = WorkflowEngine.Apply(Plan, state, decision.ToInput(Now));
            (state, _decisions[task.Id]) = (next.State, decision);
            effects.AddRange(next.Effects);
            decisions.Add(decision);
        }
        Ticket = state;
        var entries = effects.OfType<TimelineEffect>().Select(e => e.Entry).ToList();
        var (entered, taken) = _path.Follow(from, entries, state);
        var calls = effects.OfType<HttpCallEffect>().ToList();
        foreach (var call in calls) _httpCalls[call.RequestId] = call;
        var children = effects.OfType<CreateChildTicketEffect>().ToList();
        foreach (var child in children) _childTickets[child.RequestId] = child;
        _steps.Add(step with
        {
            Entries = entries, Notifications = [.. effects.OfType<SendNotificationEffect>()], HttpCalls = calls, ChildTickets = children,
            Dispatches = decisions, Entered = entered, Taken = taken,
        });
    }

    /// <summary>The sample workload plus this run's open tasks the agent holds, weighted by priority as their capacity is.</summary>
    private int LoadOf(TicketState state, string agent)
    {
        var sample = _organisation.Agents.FirstOrDefault(a => a.Id == agent);
        var weight = sample?.ToProfile().WeightOf(state.Priority) ?? 1;
        return (sample?.OpenTasks ?? 0) + weight * state.Tasks.Count(t => t.Status == TaskStatus.Open && t.Assignee == agent);
    }

    private FormSchema? TaskFormOf(TaskState task)
    {
        var key = Plan.Nodes.TryGetValue(task.NodeId, out var node) ? node.Node switch { UserTaskNode u => u.TaskForm, ApprovalNode a => a.TaskForm, _ => null } : null;
        return key is not null && (Definition.TaskForms ?? []).TryGetValue(key, out var form) ? form : null;
    }
}

/// <summary>A test run that started, or why not: the compiler's problems (errors stop it) and the sample form's problems.</summary>
public sealed record TestRunStart(TestRun? Run)
{
    public IReadOnlyList<ValidationProblem> Problems { get; init; } = [];
    public IReadOnlyList<FormProblem> FormProblems { get; init; } = [];
    public bool Started => Run is not null;
}
