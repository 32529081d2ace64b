namespace LowCode.Runtime.Validation;

/// <summary>
/// One thing wrong with a definition, said so an analyst can fix it: which node or connection,
/// which property (e.g. <c>branches[0].when</c>), and for expressions the line and column.
/// </summary>
public sealed record ValidationProblem(string Code, string Message)
{
    public ProblemSeverity Severity { get; init; } = ProblemSeverity.Error;
    public string? NodeId { get; init; }
    /// <summary>Index into the definition's connections when the problem is a connection.</summary>
    public int? Connection { get; init; }
    /// <summary>Property path inside the node (or the definition when no node).</summary>
    public string? Path { get; init; }
    public int? Line { get; init; }
    public int? Column { get; init; }

    public override string ToString()
    {
        var where = NodeId is not null ? $"node '{NodeId}'" : Connection is not null ? $"connection #{Connection}" : "definition";
        var path = Path is null ? "" : $" {Path}";
        var position = Line is null ? "" : $" (line {Line}, column {Column})";
        return $"{Severity} {Code} at {where}{path}{position}: {Message}";
    }
}

public enum ProblemSeverity { Error, Warning }
