namespace LowCode.Server.Tests.Api;

/// <summary>Ticket type definitions as JSON documents, the way the designer or an import sends them.</summary>
internal static class TestTicketTypes
{
    /// <summary>A key no other test uses (keys are lower-case letters, digits and '-').</summary>
    public static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(64, prefix.Length + 13)];

    /// <summary>
    /// One human step: the form asks for a Summary (required) and a Count; the "handle" step (task form
    /// with Notes) is left by "done" and closes the ticket as resolved.
    /// </summary>
    public static string DeskMove(string key, string name = "Desk move", string stepName = "Handle") => $$"""
        {
          "key": "{{key}}", "name": "{{name}}", "category": "Tests",
          "form": { "sections": [ { "key": "main", "title": "Request", "fields": [
            { "key": "Summary", "label": "Summary", "type": "text", "required": true },
            { "key": "Count", "label": "Count", "type": "number" } ] } ] },
          "taskForms": { "handle-notes": { "sections": [ { "key": "main", "title": "Notes", "fields": [ { "key": "Notes", "label": "Notes", "type": "text" } ] } ] } },
          "workflow": {
            "nodes": [
              { "kind": "start", "id": "start", "name": "Start" },
              { "kind": "userTask", "id": "handle", "name": "{{stepName}}",
                "assignment": { "to": { "kind": "role", "value": "agent" } },
                "taskForm": "handle-notes", "actions": [ { "key": "done", "label": "Done" } ] },
              { "kind": "end", "id": "end", "name": "End", "resolution": "resolved" } ],
            "connections": [
              { "source": { "node": "start", "port": "out" }, "target": { "node": "handle" } },
              { "source": { "node": "handle", "port": "done" }, "target": { "node": "end" } } ] }
        }
        """;

    /// <summary>
    /// Two mistakes an analyst makes: a condition whose expression names an unknown field on its
    /// second line, and a connection to a node that does not exist (connection #2).
    /// </summary>
    public static string Broken(string key) => $$"""
        {
          "key": "{{key}}", "name": "Broken", "category": "Tests",
          "form": { "sections": [ { "key": "main", "title": "Main", "fields": [ { "key": "Count", "label": "Count", "type": "number" } ] } ] },
          "workflow": {
            "nodes": [
              { "kind": "start", "id": "start" },
              { "kind": "condition", "id": "big", "branches": [ { "port": "yes", "when": "form.Count > 3\n  && form.Missing > 1" } ] },
              { "kind": "end", "id": "end", "resolution": "resolved" } ],
            "connections": [
              { "source": { "node": "start", "port": "out" }, "target": { "node": "big" } },
              { "source": { "node": "big", "port": "yes" }, "target": { "node": "end" } },
              { "source": { "node": "big", "port": "default" }, "target": { "node": "ghost" } } ] }
        }
        """;

    /// <summary>
    /// A ticket queued for the maintenance team (the demo manager and agent belong to it): the team
    /// triages ("go"), then a step computes <c>100 / form.Amount</c> and the ticket closes. With an
    /// Amount of 0 that step fails and leaves an incident (retrying fails again, with a new incident).
    /// Optional documents (any file type) may come with it.
    /// </summary>
    public static string MaintenanceTriage(string key) => $$"""
        {
          "key": "{{key}}", "name": "Maintenance triage", "category": "Tests",
          "form": { "sections": [ { "key": "main", "title": "Main", "fields": [
            { "key": "Amount", "label": "Amount", "type": "number", "required": true },
            { "key": "Documents", "label": "Documents", "type": "fileUpload" } ] } ] },
          "workflow": {
            "variables": [ { "name": "ratio", "type": "number" } ],
            "nodes": [
              { "kind": "start", "id": "start", "name": "Start" },
              { "kind": "userTask", "id": "triage", "name": "Triage",
                "assignment": { "to": { "kind": "team", "value": "maintenance" } }, "actions": [ { "key": "go", "label": "Go" } ] },
              { "kind": "setVariables", "id": "ratio", "name": "Ratio", "assignments": [ { "variable": "ratio", "expression": "100 / form.Amount" } ] },
              { "kind": "end", "id": "end", "name": "End", "resolution": "resolved" } ],
            "connections": [
              { "source": { "node": "start", "port": "out" }, "target": { "node": "triage" } },
              { "source": { "node": "triage", "port": "go" }, "target": { "node": "ratio" } },
              { "source": { "node": "ratio", "port": "out" }, "target": { "node": "end" } } ] }
        }
        """;

    /// <summary>
    /// A form with two mistakes the form checker finds — a field shown by a condition on a field that does not
    /// exist (<c>form.sections[0].fields[1].visibleWhen</c>) and a key used twice — beside a flow mistake.
    /// </summary>
    public static string BrokenForm(string key) => $$"""
        {
          "key": "{{key}}", "name": "Broken form", "category": "Tests",
          "form": { "sections": [ { "key": "main", "title": "Main", "fields": [
            { "key": "Count", "label": "Count", "type": "number" },
            { "key": "Reason", "label": "Reason", "type": "text", "visibleWhen": "form.Cuont > 3" },
            { "key": "Count", "label": "Count again", "type": "number" } ] } ] },
          "workflow": {
            "nodes": [ { "kind": "start", "id": "start" }, { "kind": "end", "id": "end", "resolution": "resolved" } ],
            "connections": [ { "source": { "node": "start", "port": "out" }, "target": { "node": "ghost" } } ] }
        }
        """;

    /// <summary>
    /// A site inspection queued for the maintenance team: photos (at most 2 images of 1 KB each), any report
    /// file; the "inspect" step's task form takes evidence files and is left by "done".
    /// </summary>
    public static string Inspection(string key) => $$"""
        {
          "key": "{{key}}", "name": "现场检查 Site inspection", "category": "Tests",
          "form": { "sections": [ { "key": "main", "title": "Inspection", "fields": [
            { "key": "Area", "label": "区域 Area", "type": "text", "required": true },
            { "key": "Photos", "label": "照片 Photos", "type": "fileUpload", "files": { "maxFiles": 2, "maxSizeBytes": 1000, "allowedContentTypes": [ "image/*" ] } },
            { "key": "Report", "label": "报告 Report", "type": "fileUpload" } ] } ] },
          "taskForms": { "inspection-evidence": { "sections": [ { "key": "main", "title": "Evidence", "fields": [
            { "key": "Evidence", "label": "证据 Evidence", "type": "fileUpload" } ] } ] } },
          "workflow": {
            "nodes": [
              { "kind": "start", "id": "start", "name": "Start" },
              { "kind": "userTask", "id": "inspect", "name": "Inspect",
                "assignment": { "to": { "kind": "team", "value": "maintenance" } },
                "taskForm": "inspection-evidence", "actions": [ { "key": "done", "label": "Done" } ] },
              { "kind": "end", "id": "end", "name": "End", "resolution": "resolved" } ],
            "connections": [
              { "source": { "node": "start", "port": "out" }, "target": { "node": "inspect" } },
              { "source": { "node": "inspect", "port": "done" }, "target": { "node": "end" } } ] }
        }
        """;

    /// <summary>An expense claim (the demo type) with the given lines as JSON, below the receipt threshold unless they add up past 1,000.</summary>
    public static string ExpenseForm(string lines, string more = "") => $$"""
        { "Department": "Sales", "Purpose": "杭州客户拜访 Customer visit", "StartDate": "2026-03-02", "EndDate": "2026-03-04", "Lines": {{lines}}{{more}} }
        """;

    /// <summary>One step ("work", left by "done") assigned by the dispatch rule <paramref name="rule"/> (JSON with key "crew"); form: Site, Category.</summary>
    public static string Dispatched(string key, string rule) => $$"""
        {
          "key": "{{key}}", "name": "Dispatched", "category": "Tests",
          "form": { "fields": [ { "key": "Site", "label": "Site", "type": "text" }, { "key": "Category", "label": "Category", "type": "text" } ] },
          "dispatchRules": [ {{rule}} ],
          "workflow": {
            "nodes": [
              { "kind": "start", "id": "start", "name": "Start" },
              { "kind": "userTask", "id": "work", "name": "Work", "assignment": { "rule": "crew" }, "actions": [ { "key": "done", "label": "Done" } ] },
              { "kind": "end", "id": "end", "name": "End", "resolution": "resolved" } ],
            "connections": [
              { "source": { "node": "start", "port": "out" }, "target": { "node": "work" } },
              { "source": { "node": "work", "port": "done" }, "target": { "node": "end" } } ] }
        }
        """;

    /// <summary>A complete equipment-repair form (the demo type).</summary>
    public const string RepairForm = """
        { "Asset": "Lathe 7", "Site": "SH", "Category": "mechanical", "Description": "Spindle rattles", "Urgent": false }
        """;
}
