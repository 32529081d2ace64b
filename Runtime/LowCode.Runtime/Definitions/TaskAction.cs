namespace LowCode.Runtime.Definitions;

/// <summary>A button on a human step ("Resolve", "Send back"); its key is the outcome port.</summary>
public sealed record TaskAction(string Key, string Label)
{
    /// <summary>The actor must write a comment (e.g. when rejecting).</summary>
    public bool RequiresComment { get; init; }
}
