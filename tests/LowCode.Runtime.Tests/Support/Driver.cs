using System.Collections.Immutable;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Expressions.Context;
using LowCode.Runtime.Validation;
using Xunit;

namespace LowCode.Runtime.Tests.Support;

/// <summary>Drives one ticket through a plan on a virtual clock, keeping every effect for assertions.</summary>
public sealed class Driver
{
    public static readonly DateTimeOffset Monday9 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public Driver(WorkflowDefinition definition, PlanContext? context = null)
    {
        var result = WorkflowCompiler.Compile(definition, context);
        Assert.True(result.Succeeded, "Definition should compile: " + string.Join("\n", result.Problems));
        Plan = result.Plan!;
    }

    public Driver(ExecutionPlan plan) => Plan = plan;

    public ExecutionPlan Plan { get; }
    public TicketState State { get; private set; } = null!;
    public DateTimeOffset Now { get; set; } = Monday9;
    public List<WorkflowEffect> Effects { get; } = [];
    public IReadOnlyList<WorkflowEffect> LastEffects { get; private set; } = [];

    public static PersonInfo Requester { get; } = new("u-zhang", "Zhang San") { Department = "Plant 2", Manager = "u-li" };

    public Driver Start(object? form = null, string priority = "P3", string ticketId = "T-1")
    {
        var input = new StartTicket(ToData(form)) { At = Now, Actor = Requester.Id, Requester = Requester, Title = "Test ticket", Priority = priority };
        Record(WorkflowEngine.Start(Plan, ticketId, input));
        return this;
    }

    public Driver Apply(WorkflowInput input)
    {
        Record(WorkflowEngine.Apply(Plan, State, input with { At = Now }));
        return this;
    }

    public Driver Complete(string nodeId, string action, object? data = null, string actor = "agent-1", string? comment = null) =>
        Apply(new CompleteTask(OpenTask(nodeId).Id, action) { Actor = actor, Data = ToData(data), Comment = comment });

    public Driver CompleteTask(string taskId, string action, string actor = "agent-1", string? comment = null) =>
        Apply(new CompleteTask(taskId, action) { Actor = actor, Comment = comment });

    /// <summary>Moves the clock and fires every armed timer due by then, in due order.</summary>
    public Driver AdvanceTo(DateTimeOffset instant)
    {
        while (State.Timers.Where(t => t.DueAt <= instant).OrderBy(t => t.DueAt).FirstOrDefault() is { } next)
        {
            Now = next.DueAt;
            Apply(new TimerFired(next.Id));
        }
        Now = instant;
        return this;
    }

    public Driver Advance(TimeSpan by) => AdvanceTo(Now + by);

    public TaskState OpenTask(string nodeId) =>
        State.OpenTasks.SingleOrDefault(t => t.NodeId == nodeId)
        ?? throw new Xunit.Sdk.XunitException($"No single open task at '{nodeId}'. Open: {string.Join(", ", State.OpenTasks.Select(t => t.NodeId))}; tokens at {string.Join(", ", State.Tokens.Select(t => $"{t.NodeId}({t.Waiting})"))}; incidents: {string.Join("; ", State.Incidents.Select(i => i.Message))}");

    public IEnumerable<string> OpenTaskNodes => State.OpenTasks.Select(t => t.NodeId);

    public IEnumerable<TimelineEntry> Timeline => Effects.OfType<TimelineEffect>().Select(t => t.Entry);

    /// <summary>Node ids in the order the flow first reached them (every step leaves a timeline entry naming it).</summary>
    public List<string> Path => Timeline.Where(e => e.NodeId is not null).Select(e => e.NodeId!).Distinct().ToList();

    public IEnumerable<T> EffectsOf<T>() where T : WorkflowEffect => Effects.OfType<T>();

    private void Record(EngineResult result)
    {
        State = result.State;
        LastEffects = result.Effects;
        Effects.AddRange(result.Effects);
    }

    public static ImmutableDictionary<string, object?> ToData(object? form) => form switch
    {
        null => ImmutableDictionary<string, object?>.Empty,
        ImmutableDictionary<string, object?> d => d,
        IDictionary<string, object?> d => d.ToImmutableDictionary(p => p.Key, p => DataTypes.Store(p.Value)),
        _ => form.GetType().GetProperties().ToImmutableDictionary(p => p.Name, p => Normalize(p.GetValue(form))),
    };

    private static object? Normalize(object? value) => value switch
    {
        object[] rows => rows.Select(r => (object?)ToData(r)).ToImmutableArray(),
        _ => DataTypes.Store(value),
    };
}
