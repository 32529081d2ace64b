using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// A script is a list of statements. Before it is wrapped in a method, its text is parsed on its own (as a
/// C# script, which accepts usings and declarations at the top) to refuse what has no place in a method
/// body and to report syntax errors — an unbalanced brace above all — at the analyst's own positions.
/// </summary>
internal static class ScriptShape
{
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public static List<ScriptDiagnostic> Check(string code)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, Options).GetRoot();
        var errors = new List<ScriptDiagnostic>();

        foreach (var directive in root.DescendantTrivia().Where(t => t.IsDirective))
            errors.Add(At(directive.GetLocation(), "Preprocessor directives (#if, #define, #line, ...) are not allowed in scripts", "#"));
        foreach (var extern_ in root.Externs)
            errors.Add(At(extern_.GetLocation(), "extern alias is not allowed in scripts", "extern"));
        foreach (var using_ in root.Usings)
            errors.Add(At(using_.GetLocation(), "using directives are not allowed in scripts; System, System.Collections.Generic, System.Globalization, System.Linq and System.Text are already in scope", "using"));
        foreach (var attributes in root.AttributeLists)
            errors.Add(At(attributes.GetLocation(), "Attributes are not allowed in scripts", "attribute"));
        foreach (var member in root.Members)
        {
            if (member is BaseNamespaceDeclarationSyntax)
                errors.Add(At(member.GetLocation(), "Namespace declarations are not allowed in scripts; write statements only", "namespace"));
            else if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                errors.Add(At(member.GetLocation(), "Type declarations (class, struct, record, interface, enum, delegate) are not allowed in scripts; write statements only", "type declaration"));
        }
        if (errors.Count > 0) return errors;

        foreach (var error in root.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            errors.Add(At(error.Location, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), null));
        return errors;
    }

    private static ScriptDiagnostic At(Location location, string message, string? symbol)
    {
        var start = location.GetLineSpan().StartLinePosition;
        return new(message, start.Line + 1, start.Character + 1, symbol);
    }
}
