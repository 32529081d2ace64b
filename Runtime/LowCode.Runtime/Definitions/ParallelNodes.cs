using System.Text.Json.Serialization;

namespace LowCode.Runtime.Definitions;

/// <summary>Forks one branch per connection leaving its "out" port.</summary>
public sealed record ParallelSplitNode : Node
{
    protected override string GetKind() => NodeKinds.ParallelSplit;
    [JsonIgnore] public override bool FansOut => true;
    public override IEnumerable<string> OutcomePorts() => [Ports.Out];
}

/// <summary>
/// Waits for the branches of its matching split: all of them, or the first <see cref="Required"/>;
/// branches still running when the join completes are cancelled.
/// </summary>
public sealed record ParallelJoinNode : Node
{
    /// <summary>How many branches must arrive; null means all.</summary>
    public int? Required { get; init; }

    protected override string GetKind() => NodeKinds.ParallelJoin;
    public override IEnumerable<string> OutcomePorts() => [Ports.Out];
}
