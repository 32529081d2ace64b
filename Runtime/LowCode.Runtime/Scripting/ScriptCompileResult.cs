namespace LowCode.Runtime.Scripting;

/// <summary>Either a runnable script or the reasons it was refused (compile errors and sandbox violations).</summary>
public sealed record ScriptCompileResult(CompiledScript? Script, IReadOnlyList<ScriptDiagnostic> Errors)
{
    public bool Succeeded => Script is not null;
}
