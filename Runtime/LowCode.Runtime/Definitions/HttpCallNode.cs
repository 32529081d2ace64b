namespace LowCode.Runtime.Definitions;

/// <summary>
/// Calls an external system (ERP, CRM, order system). Templates use <c>{{ expression }}</c>.
/// Failures are retried with exponential backoff; after the last attempt the token leaves by
/// "failed" when connected, otherwise the ticket gets an incident.
/// </summary>
public sealed record HttpCallNode : Node
{
    public string Method { get; init; } = "GET";
    public string Url { get; init; } = "";
    public Dictionary<string, string> Headers { get; init; } = [];
    public string? Body { get; init; }
    public RetryPolicy Retry { get; init; } = new();
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Response fields copied into variables: variable ← JSON path such as <c>$.data.orderId</c>.</summary>
    public List<ResponseMapping> Response { get; init; } = [];

    protected override string GetKind() => NodeKinds.HttpCall;
    public override IEnumerable<string> OutcomePorts() => [Ports.Out, Ports.Failed];
}

public sealed record RetryPolicy
{
    public int MaxAttempts { get; init; } = 3;
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);
    public double Multiplier { get; init; } = 2;

    public TimeSpan BackoffAfter(int attempt) =>
        TimeSpan.FromTicks((long)(InitialBackoff.Ticks * Math.Pow(Multiplier, Math.Max(0, attempt - 1))));
}

public sealed record ResponseMapping(string Variable, string Path);
