using System.Text;
using LowCode.Runtime.Expressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// One compilation, step by step: check the script is statements only, wrap it in generated source,
/// compile, refuse anything outside the allowlist, weave in the budget, emit and load.
/// </summary>
internal static class ScriptBuild
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: false,
        nullableContextOptions: NullableContextOptions.Disable,
        concurrentBuild: false,
        deterministic: true);

    public static ScriptCompileResult Compile(string code, ExpressionSchema schema, string key)
    {
        var shapeErrors = ScriptShape.Check(code);
        if (shapeErrors.Count > 0) return Failed(shapeErrors);

        var source = ScriptSource.Generate(code, schema);
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source.Text, Encoding.UTF8), ParseOptions, path: "generated.cs");
        if (source.FindBody(tree) is not { } body)
            return Failed([new("The script is not a complete list of statements; check its braces, comments and string literals", 1, 1)]);

        var compilation = CSharpCompilation.Create($"LowCodeScript_{key[..16]}", [tree], ScriptReferences.All, CompilationOptions);
        var model = compilation.GetSemanticModel(tree);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(ScriptDiagnostics.From).ToList();
        errors.AddRange(ScriptSandbox.Check(body, model));
        if (errors.Count > 0) return Failed(errors);

        var budgeted = compilation.ReplaceSyntaxTree(tree, ScriptBudgetRewriter.Rewrite(tree, body, model));
        return new(new CompiledScript(ScriptLoader.Load(budgeted), schema), []);
    }

    private static ScriptCompileResult Failed(IEnumerable<ScriptDiagnostic> errors) =>
        new(null, errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
}
