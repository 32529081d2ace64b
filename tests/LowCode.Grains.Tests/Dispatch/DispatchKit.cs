using System.Collections.Immutable;
using LowCode.Grains.Contracts;
using LowCode.Grains.Hosting;
using LowCode.Grains.Organisation;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.Tests.Tickets;
using LowCode.Grains.Tickets;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using LowCode.Runtime.Json;
using Xunit;

namespace LowCode.Grains.Tests.Dispatch;

/// <summary>
/// The organisation and ticket types a dispatch test sets up for itself on the shared cluster: every
/// key it makes is new (teams, agents, types), so tests do not see each other's people.
/// </summary>
internal sealed class DispatchKit(TicketCluster cluster)
{
    public static readonly PersonInfo Requester = new("u-zhang", "张三 Zhang San") { Department = "Production", Manager = "u-li" };

    private readonly string _prefix = $"d{Guid.NewGuid():N}"[..9];

    public OrgService Org { get; } = new(Store(cluster), new OrgDirectory(Store(cluster)), new AnyoneExists(), cluster.Grains, new CalendarCatalog(), new TicketClock(TicketCluster.Clock));

    public TicketReadModel ReadModel { get; } = new(new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={cluster.Database}"));

    /// <summary>A key only this test uses ("d1a2b3c4d-name").</summary>
    public string Key(string name) => $"{_prefix}-{name}";

    public async Task<string[]> AgentsAsync(string name, int count, int capacity = 5, AgentChange? profile = null)
    {
        var ids = Enumerable.Range(1, count).Select(i => Key($"{name}{i:00}")).ToArray();
        foreach (var id in ids)
            Ok(await Org.SaveAgentAsync(id, (profile ?? new AgentChange()) with { Name = $"{name} {id[^2..]}", Capacity = capacity }, "test"));
        return ids;
    }

    public async Task TeamAsync(string key, IEnumerable<string> members, string? lead = null) =>
        Ok(await Org.SaveTeamAsync(key, new TeamChange { Name = $"Team {key}", Members = [.. members], Lead = lead }, create: true, "test"));

    /// <summary>Publishes a type whose one step ("work", left by "done") is assigned by <paramref name="rule"/>; form: Site and Category.</summary>
    public Task<string> PublishAsync(DispatchRuleDefinition rule, string escalations = "[]") =>
        PublishAsync($$"""{ "rule": "{{rule.Key}}" }""", escalations, [rule]);

    /// <summary>Publishes a type whose one step is assigned as <paramref name="assignment"/> (JSON) says, with the step's <paramref name="escalations"/> (JSON).</summary>
    public async Task<string> PublishAsync(string assignment, string escalations = "[]", List<DispatchRuleDefinition>? rules = null)
    {
        var key = Key("type");
        var workflow = LowCodeJson.Deserialize($$"""
            {
              "nodes": [
                { "kind": "start", "id": "start" },
                { "kind": "userTask", "id": "work", "name": "维修 Work", "assignment": {{assignment}}, "escalations": {{escalations}},
                  "actions": [ { "key": "done", "label": "Done" } ] },
                { "kind": "end", "id": "end", "resolution": "resolved" } ],
              "connections": [
                { "source": { "node": "start", "port": "out" }, "target": { "node": "work" } },
                { "source": { "node": "work", "port": "done" }, "target": { "node": "end" } } ]
            }
            """);
        var definition = new TicketTypeDefinition
        {
            Key = key, Name = "Dispatch test", Category = "Tests",
            Form = LowCode.Forms.Schema.FormSchemaJson.Parse("""
                { "sections": [ { "key": "main", "title": "Main", "fields": [
                  { "key": "Site", "label": "Site", "type": "text" }, { "key": "Category", "label": "Category", "type": "text" } ] } ] }
                """).Schema!,
            DispatchRules = rules ?? [], Workflow = workflow,
        };
        var grain = cluster.Grains.GetGrain<ITicketTypeGrain>(key);
        Assert.True((await grain.Create(definition, "test")).Succeeded);
        var published = await grain.Publish("test");
        Assert.True(published.Succeeded, published.Message + string.Join("; ", published.Problems ?? []));
        return key;
    }

    public async Task<TicketState> OpenAsync(string type, string site = "SH", string category = "electrical", string priority = "P3", PersonInfo? requester = null)
    {
        var form = ImmutableDictionary<string, object?>.Empty.Add("Site", site).Add("Category", category);
        var outcome = await Ticket(TicketIds.New(TicketCluster.Clock.GetUtcNow())).Create(new CreateTicket(type, requester ?? Requester, "u-zhang") { Form = form, Priority = priority });
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Value!.State;
    }

    public ITicketGrain Ticket(string id) => cluster.Grains.GetGrain<ITicketGrain>(id);

    public static T Ok<T>(CommandOutcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, $"{outcome.Message} {string.Join("; ", (outcome.Problems ?? []).Select(p => $"{p.Path}: {p.Message}"))}");
        return outcome.Value!;
    }

    private static OrgStore Store(TicketCluster cluster) => new(new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={cluster.Database}"));
}
