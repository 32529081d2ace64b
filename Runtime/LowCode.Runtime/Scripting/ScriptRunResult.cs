using System.Collections.Immutable;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// The variables a script assigned, in stored (JSON-natural) form, ready to be merged into the flow's variables.
/// Variables the script only read are absent.
/// </summary>
public sealed record ScriptRunResult(ImmutableDictionary<string, object?> ChangedVariables);
