namespace LowCode.Host.Tests.Hosting;

/// <summary>Small ticket types as an analyst would post them to <c>POST /api/ticket-types</c>.</summary>
public static class TestTicketTypes
{
    /// <summary>Seconds the timer of <see cref="WorkThenWait"/> waits.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    /// <summary>start → user task "work" (action done) → timer (3 s) → user task "after" (action done) → end.</summary>
    public static string WorkThenWait(string key) => $$"""
        {
          "key": "{{key}}",
          "name": "Work then wait",
          "category": "Tests",
          "workflow": {
            "schemaVersion": 1,
            "key": "{{key}}",
            "name": "Work then wait",
            "nodes": [
              { "kind": "start", "id": "start", "name": "Start" },
              { "kind": "userTask", "id": "work", "name": "Work", "assignment": { "to": { "kind": "team", "value": "testers" } }, "actions": [ { "key": "done", "label": "Done" } ] },
              { "kind": "timer", "id": "cool", "name": "Cool down", "wait": { "length": "{{Wait:c}}" } },
              { "kind": "userTask", "id": "after", "name": "After", "assignment": { "to": { "kind": "team", "value": "testers" } }, "actions": [ { "key": "done", "label": "Done" } ] },
              { "kind": "end", "id": "end", "name": "End", "resolution": "resolved" }
            ],
            "connections": [
              { "source": { "node": "start", "port": "out" }, "target": { "node": "work" } },
              { "source": { "node": "work", "port": "done" }, "target": { "node": "cool" } },
              { "source": { "node": "cool", "port": "out" }, "target": { "node": "after" } },
              { "source": { "node": "after", "port": "done" }, "target": { "node": "end" } }
            ]
          }
        }
        """;

    /// <summary>start → user task "work" (done) → user task "review" (approve) → end.</summary>
    public static string WorkThenReview(string key) => $$"""
        {
          "key": "{{key}}",
          "name": "Work then review",
          "category": "Tests",
          "workflow": {
            "schemaVersion": 1,
            "key": "{{key}}",
            "name": "Work then review",
            "nodes": [
              { "kind": "start", "id": "start", "name": "Start" },
              { "kind": "userTask", "id": "work", "name": "Work", "assignment": { "to": { "kind": "team", "value": "testers" } }, "actions": [ { "key": "done", "label": "Done" } ] },
              { "kind": "userTask", "id": "review", "name": "Review", "assignment": { "to": { "kind": "team", "value": "testers" } }, "actions": [ { "key": "approve", "label": "Approve" } ] },
              { "kind": "end", "id": "end", "name": "End", "resolution": "resolved" }
            ],
            "connections": [
              { "source": { "node": "start", "port": "out" }, "target": { "node": "work" } },
              { "source": { "node": "work", "port": "done" }, "target": { "node": "review" } },
              { "source": { "node": "review", "port": "approve" }, "target": { "node": "end" } }
            ]
          }
        }
        """;
}
