using System.Text.Json.Serialization;

namespace LowCode.Runtime.Definitions;

/// <summary>
/// A workflow as an analyst draws it: nodes, the connections between their outcome ports,
/// the variables the flow keeps, and (separately) where the designer placed things.
/// This is the JSON document that is saved, exported, imported and published.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>The definition format version; bumped when the JSON shape changes incompatibly.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Description { get; init; }

    /// <summary>Business calendar that timers and escalations use unless a node names another.</summary>
    public string? Calendar { get; init; }

    /// <summary>First-response and resolution targets per priority, with their warnings and escalations.</summary>
    public SlaDefinition? Sla { get; init; }

    public List<VariableDefinition> Variables { get; init; } = [];
    public List<Node> Nodes { get; init; } = [];
    public List<Connection> Connections { get; init; } = [];

    /// <summary>Designer-only: positions and viewport. Never read by the engine.</summary>
    [JsonPropertyName("layout")]
    public DesignerLayout Layout { get; init; } = new();

    public Node? FindNode(string id) => Nodes.Find(n => n.Id == id);
}

/// <summary>A variable the flow keeps beside the form (e.g. <c>approvalLevel</c>, <c>erpOrderId</c>).</summary>
public sealed record VariableDefinition(string Name, DataType Type, object? Default = null)
{
    [JsonConverter(typeof(LowCode.Runtime.Json.DataValueConverter))]
    public object? Default { get; init; } = Default;
}

/// <summary>From a node's outcome port to another node.</summary>
public sealed record Connection(Endpoint Source, Endpoint Target)
{
    /// <summary>Optional label shown on the canvas (the action or condition text is shown when absent).</summary>
    public string? Label { get; init; }

    public override string ToString() => $"{Source.Node}.{Source.Port} -> {Target.Node}";
}

public sealed record Endpoint(string Node, string Port = Ports.In);

/// <summary>Where the designer drew things. Kept beside the semantics so layout edits never change behaviour.</summary>
public sealed record DesignerLayout
{
    public Dictionary<string, Position> Nodes { get; init; } = [];
    public double Zoom { get; init; } = 1;
    public Position Pan { get; init; } = new(0, 0);
}

public sealed record Position(double X, double Y);
