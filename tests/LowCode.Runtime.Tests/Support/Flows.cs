using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Tests.Support;

/// <summary>Builds small definitions for tests: nodes plus "from.port -> to" connection strings.</summary>
public static class Flows
{
    public static WorkflowDefinition Build(IEnumerable<Node> nodes, params string[] connections) => Build(nodes, [], connections);

    public static WorkflowDefinition Build(IEnumerable<Node> nodes, IEnumerable<VariableDefinition> variables, params string[] connections) => new()
    {
        Key = "test",
        Name = "Test flow",
        Nodes = [.. nodes],
        Variables = [.. variables],
        Connections = [.. connections.Select(Parse)],
    };

    public static Connection Parse(string text)
    {
        var parts = text.Split("->", StringSplitOptions.TrimEntries);
        var source = parts[0].Split('.');
        return new Connection(new Endpoint(source[0], source.Length > 1 ? source[1] : Ports.Out), new Endpoint(parts[1]));
    }

    public static StartNode Start(string id = "start") => new() { Id = id };
    public static EndNode End(string id = "end", string resolution = Resolutions.Resolved) => new() { Id = id, Resolution = resolution };

    public static UserTaskNode Task(string id, params string[] actions) => new()
    {
        Id = id,
        Name = id,
        Assignment = new Assignment { To = new Participant(ParticipantKind.Team, "helpdesk") },
        Actions = [.. actions.Select(a => new TaskAction(a, a))],
    };
}
