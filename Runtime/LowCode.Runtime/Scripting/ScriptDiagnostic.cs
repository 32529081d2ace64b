namespace LowCode.Runtime.Scripting;

/// <summary>
/// A problem in a script, positioned in the analyst's own code (1-based line and column).
/// <see cref="Symbol"/> names what a sandbox rule rejected, e.g. <c>System.IO.File.ReadAllText</c> or <c>typeof</c>.
/// </summary>
public sealed record ScriptDiagnostic(string Message, int Line, int Column, string? Symbol = null)
{
    public override string ToString() => $"({Line},{Column}): {Message}";
}
