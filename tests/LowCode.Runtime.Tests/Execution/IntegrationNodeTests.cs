using System.Collections.Immutable;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Tests.Support;
using LowCode.Runtime.Validation;
using Xunit;
using static LowCode.Runtime.Tests.Support.Flows;

namespace LowCode.Runtime.Tests.Execution;

/// <summary>HTTP call, script, external event and hand assignment.</summary>
public sealed class IntegrationNodeTests
{
    private static readonly PlanContext Context = new() { FormFields = [new FieldSchema("OrderNo", DataType.Text), new FieldSchema("Amount", DataType.Money)] };

    private static readonly VariableDefinition[] Variables = [new("erpId", DataType.Text), new("credit", DataType.Number), new("level", DataType.Number)];

    private static HttpCallNode Erp(int attempts = 3) => new()
    {
        Id = "erp", Method = "POST", Url = "https://erp.example.com/orders/{{ form.OrderNo }}",
        Headers = new() { ["X-Ticket"] = "{{ ticket.Id }}" }, Body = "{\"amount\": {{ form.Amount }}}",
        Retry = new RetryPolicy { MaxAttempts = attempts, InitialBackoff = TimeSpan.FromSeconds(10), Multiplier = 3 },
        Response = [new ResponseMapping("erpId", "$.data.id"), new ResponseMapping("credit", "$.data.limits[1]")],
    };

    private static Driver Run(HttpCallNode http, bool failedPort)
    {
        string[] connections = failedPort
            ? ["start.out -> erp", "erp.out -> done", "erp.failed -> manual", "done.ok -> end", "manual.ok -> end"]
            : ["start.out -> erp", "erp.out -> done", "done.ok -> end"];
        Node[] nodes = failedPort ? [Start(), http, Task("done", "ok"), Task("manual", "ok"), End()] : [Start(), http, Task("done", "ok"), End()];
        return new Driver(Build(nodes, Variables, connections), Context).Start(new { OrderNo = "SO 42/7", Amount = 99.5m });
    }

    [Fact]
    public void Http_call_renders_its_request_and_maps_the_response_into_variables()
    {
        var t = Run(Erp(), failedPort: false);
        var call = t.EffectsOf<HttpCallEffect>().Single();
        Assert.Equal("https://erp.example.com/orders/SO%2042%2F7", call.Url);
        Assert.Equal("T-1", call.Headers["X-Ticket"]);
        Assert.Equal("{\"amount\": 99.5}", call.Body);
        Assert.Equal(1, call.Attempt);

        t.Apply(new HttpCallCompleted(call.RequestId, 201) { Body = """{"data":{"id":"ERP-9","limits":[1000, 5000.5]}}""" });
        Assert.Equal("ERP-9", t.State.Vars["erpId"]);
        Assert.Equal(5000.5m, t.State.Vars["credit"]);
        Assert.Single(t.OpenTaskNodes, "done");
    }

    [Fact]
    public void Failed_http_call_is_retried_with_backoff_and_the_same_request_id()
    {
        var t = Run(Erp(), failedPort: false);
        var first = t.EffectsOf<HttpCallEffect>().Single();
        t.Apply(new HttpCallCompleted(first.RequestId, 503));
        var retry = t.State.Timers.Single();
        Assert.Equal(t.Now.AddSeconds(10), retry.DueAt);

        t.Apply(new HttpCallCompleted(first.RequestId, 503)); // a duplicate answer while waiting changes nothing
        Assert.Single(t.State.Timers);

        t.Advance(TimeSpan.FromSeconds(10));
        var second = t.EffectsOf<HttpCallEffect>().Last();
        Assert.Equal((first.RequestId, 2), (second.RequestId, second.Attempt));
        t.Apply(new HttpCallCompleted(second.RequestId, 0) { Error = "connection refused" });
        Assert.Equal(t.Now.AddSeconds(30), t.State.Timers.Single().DueAt); // 10 s × 3
    }

    [Fact]
    public void Http_call_out_of_attempts_leaves_by_failed_when_connected()
    {
        var t = Run(Erp(attempts: 1), failedPort: true);
        t.Apply(new HttpCallCompleted(t.EffectsOf<HttpCallEffect>().Single().RequestId, 500));
        Assert.Single(t.OpenTaskNodes, "manual");
        Assert.Empty(t.State.Incidents);
    }

    [Fact]
    public void Http_call_out_of_attempts_without_a_failed_path_raises_an_incident_that_can_be_retried()
    {
        var t = Run(Erp(attempts: 1), failedPort: false);
        t.Apply(new HttpCallCompleted(t.EffectsOf<HttpCallEffect>().Single().RequestId, 500));
        var incident = Assert.Single(t.State.Incidents);
        Assert.Contains("failed after 1 attempts: HTTP 500", incident.Message);

        t.Apply(new RetryIncident(incident.Id));
        Assert.Empty(t.State.Incidents);
        Assert.Equal(2, t.EffectsOf<HttpCallEffect>().Count());
    }

    [Fact]
    public void Response_that_is_not_json_fails_the_step_clearly()
    {
        var t = Run(Erp(), failedPort: false);
        t.Apply(new HttpCallCompleted(t.EffectsOf<HttpCallEffect>().Single().RequestId, 200) { Body = "<html>oops</html>" });
        Assert.Contains("is not JSON", Assert.Single(t.State.Incidents).Message);
    }

    [Fact]
    public void Script_node_sets_variables_through_the_sandboxed_script()
    {
        var script = new ScriptNode { Id = "score", Code = "vars.level = form.Amount > 50 ? 2 : 1;\nvars.erpId = \"pending-\" + form.OrderNo;" };
        var t = new Driver(Build([Start(), script, Task("done", "ok"), End()], Variables, "start.out -> score", "score.out -> done", "done.ok -> end"), Context)
            .Start(new { OrderNo = "A1", Amount = 80m });

        Assert.Equal(2m, t.State.Vars["level"]);
        Assert.Equal("pending-A1", t.State.Vars["erpId"]);
    }

    [Fact]
    public void Script_that_fails_at_run_time_leaves_by_failed_or_raises_an_incident()
    {
        var script = new ScriptNode { Id = "score", Code = "var zero = 0m;\nvars.level = form.Amount / zero;" };
        var withPath = new Driver(Build([Start(), script, Task("done", "ok"), Task("fix", "ok"), End()], Variables,
            "start.out -> score", "score.out -> done", "score.failed -> fix", "done.ok -> end", "fix.ok -> end"), Context).Start(new { Amount = 1m });
        Assert.Single(withPath.OpenTaskNodes, "fix");

        var without = new Driver(Build([Start(), script, Task("done", "ok"), End()], Variables, "start.out -> score", "score.out -> done", "done.ok -> end"), Context)
            .Start(new { Amount = 1m });
        Assert.Contains("divide by zero", Assert.Single(without.State.Incidents).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Forbidden_script_is_a_validation_error_naming_the_symbol_and_position()
    {
        var script = new ScriptNode { Id = "evil", Code = "var x = 1;\nvar s = System.IO.File.ReadAllText(\"/etc/passwd\");" };
        var problems = WorkflowCompiler.Validate(Build([Start(), script, End()], Variables, "start.out -> evil", "evil.out -> end"), Context);
        var problem = Assert.Single(problems, p => p.Code == ProblemCodes.Script);
        Assert.Contains("System.IO.File", problem.Message);
        Assert.Equal(("evil", 2), (problem.NodeId, problem.Line));
    }

    [Fact]
    public void External_event_updates_declared_variables_only()
    {
        var t = new Driver(Build([Start(), Task("wait", "ok"), End()], Variables, "start.out -> wait", "wait.ok -> end"), Context).Start();
        t.Apply(new ExternalEvent("erp.updated") { Data = ImmutableDictionary<string, object?>.Empty.Add("erpId", "E-1").Add("unknown", "x") });

        Assert.Equal("E-1", t.State.Vars["erpId"]);
        Assert.False(t.State.Vars.ContainsKey("unknown"));
        Assert.Contains(t.LastEffects.OfType<TimelineEffect>(), e => e.Entry.Kind == TimelineKind.ExternalEvent && e.Entry.Subject == "erp.updated");
    }

    [Fact]
    public void Claim_release_and_reassign_are_recorded_with_before_and_after()
    {
        var t = new Driver(Build([Start(), Task("work", "ok"), End()], "start.out -> work", "work.ok -> end"), Context).Start();
        var task = t.OpenTask("work").Id;
        t.Apply(new AssignTask(task, "li") { Actor = "li" });
        t.Apply(new AssignTask(task, "li") { Actor = "li" }); // no change, no entry
        t.Apply(new AssignTask(task, "wang") { Actor = "lead", Reason = "Li is on leave" });
        t.Apply(new AssignTask(task, null) { Actor = "wang" });

        var changes = t.Timeline.Where(e => e.Kind == TimelineKind.TaskAssigned).Select(e => (e.Before, e.After)).ToList();
        Assert.Equal([((object?)null, (object?)"li"), ("li", "wang"), ("wang", null)], changes);
        Assert.Null(t.OpenTask("work").Assignee);
    }

    [Fact]
    public void Escalation_whose_condition_is_false_does_nothing_but_say_so()
    {
        var task = Task("work", "ok") with
        {
            Escalations = [new Escalation { Id = "vip", After = new Duration(TimeSpan.FromHours(1)), Condition = "form.Amount > 1000", Actions = [new EscalationAction(EscalationActionKind.RaisePriority) { Priority = "P1" }] }],
        };
        var t = new Driver(Build([Start(), task, End()], "start.out -> work", "work.ok -> end"), Context).Start(new { Amount = 10m });
        t.Advance(TimeSpan.FromHours(2));

        Assert.Equal("P3", t.State.Priority);
        Assert.Contains(t.Timeline, e => e.Kind == TimelineKind.EscalationFired && e.Summary.Contains("condition is false"));
    }

    [Fact]
    public void Task_offered_to_a_team_queue_keeps_its_offer_until_claimed()
    {
        var t = new Driver(Build([Start(), Task("work", "ok") with { Assignment = new Assignment { Rule = "by-skill" } }, End()], "start.out -> work", "work.ok -> end"), Context).Start();
        var task = t.OpenTask("work").Id;
        t.Apply(new OfferTask(task, [new Participant(ParticipantKind.Team, "maintenance")]) { Reason = "no technician matched" });

        Assert.Equal([new Participant(ParticipantKind.Team, "maintenance")], t.OpenTask("work").Candidates.ToArray());
        Assert.Contains(t.LastEffects.OfType<TimelineEffect>(), e => e.Entry.Kind == TimelineKind.Dispatch && e.Entry.Summary.Contains("no technician matched"));
        Assert.Equal(EngineError.InvalidInput, Assert.Throws<EngineException>(() => t.Apply(new OfferTask(task, []))).Error);

        t.Apply(new AssignTask(task, "tech-li") { Actor = "tech-li" });
        t.Complete("work", "ok", actor: "tech-li");
        Assert.Equal(EngineError.Conflict, Assert.Throws<EngineException>(() => t.Apply(new OfferTask(task, [new Participant(ParticipantKind.Team, "x")]))).Error);
    }
}
