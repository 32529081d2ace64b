namespace LowCode.Runtime.Scripting;

/// <summary>
/// How much one run of a script may use. Steps are loop iterations plus lambda and local-function calls;
/// allocated bytes are measured on the running thread.
/// </summary>
public sealed record ScriptLimits(TimeSpan MaxDuration, long MaxSteps, long MaxAllocatedBytes)
{
    public static readonly ScriptLimits Default = new(TimeSpan.FromMilliseconds(200), 1_000_000, 32 * 1024 * 1024);
}
