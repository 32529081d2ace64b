using System.Collections.Immutable;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Grains.TicketTypes.TestRuns;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Definitions;
using Xunit;

namespace LowCode.Grains.Tests.TicketTypes.TestRuns;

/// <summary>Sample data for test runs of the reference ticket types, and a small flow with a script and an http call.</summary>
internal static class TestRunSamples
{
    public static IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; } = new CalendarCatalog().All;

    public static TestRun Started(TicketTypeDefinition definition, ImmutableDictionary<string, object?> form, string priority = "P3", SampleOrganisation? organisation = null)
    {
        var start = TestRun.Start(definition, new TestRunSetup { Form = form, Priority = priority, Organisation = organisation ?? SampleOrganisation.Default }, Calendars);
        Assert.True(start.Started, string.Join("; ", start.Problems.Select(p => p.ToString()).Concat(start.FormProblems.Select(p => $"{p.Path}: {p.Message}"))));
        return start.Run!;
    }

    public static ImmutableDictionary<string, object?> Repair(string site, string category) => ImmutableDictionary<string, object?>.Empty
        .Add("Asset", "冲压机 Press #4").Add("Site", site).Add("Category", category).Add("Description", "电机跳闸 Motor trips");

    public static ImmutableDictionary<string, object?> Expense(decimal amount)
    {
        var lines = ImmutableArray.Create<object?>(ImmutableDictionary<string, object?>.Empty.Add("Item", "trip").Add("Category", "travel").Add("Amount", amount));
        var form = ImmutableDictionary<string, object?>.Empty.Add("Department", "Production").Add("Purpose", "Customer visit")
            .Add("StartDate", "2026-03-02").Add("EndDate", "2026-03-03").Add("Lines", lines);
        return amount <= 1000 ? form : form.Add("Receipts", ImmutableArray.Create<object?>(ImmutableDictionary<string, object?>.Empty
            .Add("id", "preview-receipt").Add("name", "invoice.pdf").Add("size", 120_000m).Add("contentType", "application/pdf")));
    }

    public static WaitingTask Task(TestRun run, string nodeId) => Assert.Single(run.WaitingTasks, t => t.Task.NodeId == nodeId);

    public static void Complete(TestRun run, string nodeId, string action, string? comment = null)
    {
        var outcome = run.Complete(Task(run, nodeId).Task.Id, action, comment: comment);
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    /// <summary>Index of the connection leaving <paramref name="node"/> by <paramref name="port"/>.</summary>
    public static int Connection(TestRun run, string node, string port) =>
        run.Plan.Definition.Connections.FindIndex(c => c.Source.Node == node && c.Source.Port == port);

    /// <summary>Order system: a script computes a reference, an http call books it (retried once), a clerk confirms; a failure ends the ticket.</summary>
    public static TicketTypeDefinition OrderBooking(int attempts) => new()
    {
        Key = "order-booking",
        Name = "Order booking",
        Workflow = new WorkflowDefinition
        {
            Variables = [new VariableDefinition("reference", DataType.Text), new VariableDefinition("orderId", DataType.Text)],
            Nodes =
            [
                new StartNode { Id = "start" },
                new ScriptNode { Id = "reference", Code = "vars.reference = \"REF-\" + (40 + 2).ToString();" },
                new HttpCallNode
                {
                    Id = "book", Method = "POST", Url = "https://erp.example.com/orders/{{ vars.reference }}",
                    Retry = new RetryPolicy { MaxAttempts = attempts, InitialBackoff = TimeSpan.FromMinutes(5) },
                    Response = [new ResponseMapping("orderId", "$.data.id")],
                },
                new UserTaskNode { Id = "confirm", Name = "Confirm", Assignment = new Assignment { To = new Participant(ParticipantKind.Role, "clerk") }, Actions = [new TaskAction("ok", "OK")] },
                new EndNode { Id = "done" },
                new EndNode { Id = "failed", Resolution = "failed" },
            ],
            Connections =
            [
                new(new Endpoint("start", Ports.Out), new Endpoint("reference")),
                new(new Endpoint("reference", Ports.Out), new Endpoint("book")),
                new(new Endpoint("book", Ports.Out), new Endpoint("confirm")),
                new(new Endpoint("book", Ports.Failed), new Endpoint("failed")),
                new(new Endpoint("confirm", "ok"), new Endpoint("done")),
            ],
        },
    };
}
