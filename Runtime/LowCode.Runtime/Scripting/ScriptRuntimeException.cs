namespace LowCode.Runtime.Scripting;

/// <summary>
/// A script failed while running: it threw, or it went over a <see cref="ScriptLimits"/> bound.
/// The message is meant for the analyst, e.g. "Script failed: Attempted to divide by zero. (line 3)".
/// </summary>
public sealed class ScriptRuntimeException : Exception
{
    public ScriptRuntimeException(string message, int? line = null, Exception? innerException = null)
        : base(message, innerException) => Line = line;

    /// <summary>The line of the analyst's code that was running, when known.</summary>
    public int? Line { get; }
}
