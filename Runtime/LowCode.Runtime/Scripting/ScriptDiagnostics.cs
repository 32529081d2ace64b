using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowCode.Runtime.Scripting;

/// <summary>Turns compiler diagnostics on the generated file into diagnostics on the analyst's lines.</summary>
internal static class ScriptDiagnostics
{
    public static ScriptDiagnostic At(SyntaxNode node, string message, string? symbol = null) => At(node.GetLocation(), message, symbol);

    public static ScriptDiagnostic At(Location location, string message, string? symbol = null)
    {
        var (line, column) = Position(location);
        return new(message, line, column, symbol);
    }

    public static ScriptDiagnostic From(Diagnostic diagnostic)
    {
        var (line, column) = Position(diagnostic.Location);
        return new(FriendlyMessage(diagnostic) ?? diagnostic.GetMessage(CultureInfo.InvariantCulture), line, column);
    }

    /// <summary>1-based position in the analyst's code; generated code (never expected) reports as 1,1.</summary>
    private static (int Line, int Column) Position(Location location)
    {
        var mapped = location.GetMappedLineSpan();
        return mapped.HasMappedPath && mapped.Path == ScriptSource.FileName
            ? (mapped.StartLinePosition.Line + 1, mapped.StartLinePosition.Character + 1)
            : (1, 1);
    }

    /// <summary>Says "form has no field 'Amout'" rather than "'ScriptForm' does not contain a definition for 'Amout' ...".</summary>
    private static string? FriendlyMessage(Diagnostic diagnostic)
    {
        var node = diagnostic.Location.SourceTree?.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var access = node as MemberAccessExpressionSyntax ?? node?.Parent as MemberAccessExpressionSyntax;
        if (access is not { Expression: IdentifierNameSyntax target }) return null;
        var name = access.Name.Identifier.ValueText;
        return (diagnostic.Id, target.Identifier.ValueText) switch
        {
            ("CS1061", "form") => $"form has no field '{name}'",
            ("CS1061", "vars") => $"vars has no variable '{name}'",
            ("CS0200", "form") => $"form.{name} is read-only; scripts write to vars",
            _ => null,
        };
    }
}
