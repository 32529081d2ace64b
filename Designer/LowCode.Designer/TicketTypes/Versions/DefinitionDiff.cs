using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Forms.Schema;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Json;

namespace LowCode.Designer.TicketTypes.Versions;

/// <summary>
/// What changed between two versions of a ticket type, in the words an analyst uses: the type's name and category,
/// nodes (added, removed, renamed, which setting changed), connections, flow variables, the ticket form and task
/// forms (sections, fields and their label, type, required and rules, form rules), dispatch rules and SLA policies.
/// Things are matched by identity (node id, field key, rule key, priority), so moving them is not a change;
/// designer-only layout is ignored. Values are compared as the JSON that is saved, so every setting is covered.
/// </summary>
public static class DefinitionDiff
{
    private const int ValueLength = 80;

    public static IReadOnlyList<DefinitionChange> Compare(TicketTypeDefinition before, TicketTypeDefinition after)
    {
        var changes = new List<DefinitionChange>();
        if (before.Name != after.Name) changes.Add(new(ChangeArea.TicketType, ChangeKind.Renamed, before.Key) { Property = "name", Before = before.Name, After = after.Name });
        Setting(changes, ChangeArea.TicketType, before.Key, "category", before.Category, after.Category);
        Setting(changes, ChangeArea.TicketType, before.Key, "description", before.Description, after.Description);

        var (flowBefore, flowAfter) = (before.Workflow ?? new(), after.Workflow ?? new());
        Setting(changes, ChangeArea.TicketType, before.Key, "calendar", flowBefore.Calendar, flowAfter.Calendar);
        Matched(changes, ChangeArea.Node, flowBefore.Nodes, flowAfter.Nodes, n => n.Id, n => n.Name, Describe);
        Connections(changes, flowBefore.Connections, flowAfter.Connections);
        Matched(changes, ChangeArea.Variable, flowBefore.Variables, flowAfter.Variables, v => v.Name, _ => null, v => v.Name);

        Form(changes, "", before.Form, after.Form);
        var tasksBefore = before.TaskForms ?? [];
        var tasksAfter = after.TaskForms ?? [];
        foreach (var key in tasksBefore.Keys.Except(tasksAfter.Keys)) changes.Add(new(ChangeArea.TaskForm, ChangeKind.Removed, key));
        foreach (var key in tasksAfter.Keys.Except(tasksBefore.Keys)) changes.Add(new(ChangeArea.TaskForm, ChangeKind.Added, key));
        foreach (var key in tasksBefore.Keys.Intersect(tasksAfter.Keys)) Form(changes, key + ".", tasksBefore[key], tasksAfter[key]);

        Matched(changes, ChangeArea.DispatchRule, before.DispatchRules, after.DispatchRules, r => r.Key, r => r.Name, r => r.Key);
        Sla(changes, flowBefore.Sla, flowAfter.Sla);
        return changes;
    }

    private static void Form(List<DefinitionChange> changes, string prefix, FormSchema? before, FormSchema? after)
    {
        before ??= new();
        after ??= new();
        var sectionsBefore = Keyed(before.Sections, (s, i) => string.IsNullOrEmpty(s.Key) ? $"#{i + 1}" : s.Key);
        var sectionsAfter = Keyed(after.Sections, (s, i) => string.IsNullOrEmpty(s.Key) ? $"#{i + 1}" : s.Key);
        foreach (var (key, section) in sectionsBefore.Where(s => !sectionsAfter.ContainsKey(s.Key)))
            changes.Add(new(ChangeArea.Section, ChangeKind.Removed, prefix + Named(key, section.Title)));
        foreach (var (key, section) in sectionsAfter.Where(s => !sectionsBefore.ContainsKey(s.Key)))
            changes.Add(new(ChangeArea.Section, ChangeKind.Added, prefix + Named(key, section.Title)));
        foreach (var (key, old) in sectionsBefore.Where(s => sectionsAfter.ContainsKey(s.Key)))
        {
            var now = sectionsAfter[key];
            if (old.Title != now.Title) changes.Add(new(ChangeArea.Section, ChangeKind.Renamed, prefix + key) { Property = "title", Before = old.Title, After = now.Title });
            Setting(changes, ChangeArea.Section, prefix + key, "columns", old.Columns.ToString(), now.Columns.ToString());
        }
        Matched(changes, ChangeArea.Field, before.AllFields().ToList(), after.AllFields().ToList(), f => f.Key, f => f.Label, f => prefix + Named(f.Key, f.Label), prefix);
        Matched(changes, ChangeArea.FormRule, before.Rules, after.Rules, r => r.Expression, _ => null, r => prefix + r.Expression, prefix);
    }

    private static void Sla(List<DefinitionChange> changes, SlaDefinition? before, SlaDefinition? after)
    {
        Setting(changes, ChangeArea.Sla, "", "calendar", before?.Calendar, after?.Calendar);
        Matched(changes, ChangeArea.Sla, before?.Policies ?? [], after?.Policies ?? [], p => p.Priority, _ => null, p => p.Priority);
    }

    private static void Connections(List<DefinitionChange> changes, List<Connection> before, List<Connection> after)
    {
        static string Id(Connection c) => $"{c.Source.Node}.{c.Source.Port} → {c.Target.Node}";
        var old = Keyed(before, (c, _) => Id(c));
        var now = Keyed(after, (c, _) => Id(c));
        foreach (var key in old.Keys.Except(now.Keys)) changes.Add(new(ChangeArea.Connection, ChangeKind.Removed, key));
        foreach (var key in now.Keys.Except(old.Keys)) changes.Add(new(ChangeArea.Connection, ChangeKind.Added, key));
        foreach (var key in old.Keys.Intersect(now.Keys)) Setting(changes, ChangeArea.Connection, key, "label", old[key].Label, now[key].Label);
    }

    /// <summary>
    /// Items matched by their key: removed, added, renamed (by <paramref name="name"/>), and for each other property
    /// of the saved JSON that differs, a change naming it.
    /// </summary>
    private static void Matched<T>(List<DefinitionChange> changes, ChangeArea area, List<T>? before, List<T>? after,
        Func<T, string> key, Func<T, string?> name, Func<T, string> describe, string prefix = "") where T : class
    {
        var old = Keyed(before, (item, _) => key(item));
        var now = Keyed(after, (item, _) => key(item));
        var nameProperty = typeof(T) == typeof(FormField) ? "label" : "name";
        foreach (var (_, item) in old.Where(o => !now.ContainsKey(o.Key))) changes.Add(new(area, ChangeKind.Removed, describe(item)));
        foreach (var (_, item) in now.Where(n => !old.ContainsKey(n.Key))) changes.Add(new(area, ChangeKind.Added, describe(item)));
        foreach (var (k, was) in old.Where(o => now.ContainsKey(o.Key)))
        {
            var (a, b) = (Json(was), Json(now[k]));
            if (name(was) != name(now[k])) changes.Add(new(area, ChangeKind.Renamed, prefix + k) { Property = nameProperty, Before = name(was), After = name(now[k]) });
            foreach (var property in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(p => p != nameProperty))
                if (!JsonNode.DeepEquals(a[property], b[property]))
                    changes.Add(new(area, ChangeKind.Changed, prefix + k) { Property = property, Before = Text(a[property]), After = Text(b[property]) });
        }
    }

    private static void Setting(List<DefinitionChange> changes, ChangeArea area, string subject, string property, string? before, string? after)
    {
        if (string.IsNullOrEmpty(before) && string.IsNullOrEmpty(after) || before == after) return;
        changes.Add(new(area, ChangeKind.Changed, subject) { Property = property, Before = Shorten(before), After = Shorten(after) });
    }

    /// <summary>Items by key; the first wins when a hand-written definition repeats one (the checker reports that).</summary>
    private static Dictionary<string, T> Keyed<T>(List<T>? items, Func<T, int, string> key) where T : class
    {
        var keyed = new Dictionary<string, T>(StringComparer.Ordinal);
        for (var i = 0; i < (items ?? []).Count; i++)
            if (items![i] is { } item) keyed.TryAdd(key(item, i) ?? "", item);
        return keyed;
    }

    private static JsonObject Json<T>(T value) => JsonSerializer.SerializeToNode(value, LowCodeJson.Options) as JsonObject ?? [];

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Shorten(v.GetValue<string>()),
        _ => Shorten(value.ToJsonString(LowCodeJson.Options)),
    };

    private static string? Shorten(string? text) => text is { Length: > ValueLength } ? text[..(ValueLength - 1)] + "…" : text;
    private static string Named(string key, string? name) => string.IsNullOrWhiteSpace(name) || name == key ? key : $"{key} ({name})";
    private static string Describe(Node node) => $"{Named(node.Id, node.Name)} [{node.Kind}]";
}
