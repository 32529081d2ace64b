namespace LowCode.Runtime.Scripting;
// TEMPORARY: removed when the real script compiler lands.
public sealed class ScriptCompiler { public ScriptCompileResult Compile(string code, LowCode.Runtime.Expressions.ExpressionSchema schema) => new(null, [new ScriptDiagnostic("scripts not available yet", 1, 1)]); }
public sealed class CompiledScript { public ScriptRunResult Run(LowCode.Runtime.Expressions.ExpressionScope scope, ScriptLimits limits) => throw new ScriptRuntimeException("n/a"); }
