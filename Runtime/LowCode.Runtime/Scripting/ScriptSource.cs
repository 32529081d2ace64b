using System.Text;
using LowCode.Runtime.Expressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// The C# file a script becomes: typed <c>ScriptForm</c> (read-only) and <c>ScriptVars</c> (read-write)
/// classes for the schema, and a static <c>Body</c> method whose statements are the analyst's code, placed
/// verbatim after <c>#line 1 "script"</c> so that diagnostics and stack traces point into the analyst's lines.
/// </summary>
internal sealed record ScriptSource(string Text, int BodyEnd)
{
    public const string FileName = "script";
    public const string Namespace = "LowCodeScript";
    public const string EntryType = "Script";
    public const string FormType = "ScriptForm";
    public const string VarsType = "ScriptVars";
    public const string BodyMethod = "Body";
    public const string BudgetName = "__budget";

    /// <summary>Types analysts can use without a <c>using</c>. Forbidden ones are imported too, so the sandbox can name them.</summary>
    private static readonly string[] Imports =
    [
        "System", "System.Collections.Generic", "System.Diagnostics", "System.Globalization", "System.IO", "System.Linq", "System.Net.Http",
        "System.Text", "System.Threading", "System.Threading.Tasks", "LowCode.Runtime.Expressions.Context",
    ];

    public static ScriptSource Generate(string code, ExpressionSchema schema)
    {
        var text = new StringBuilder("#line hidden\n");
        foreach (var import in Imports) text.Append("using ").Append(import).Append(";\n");
        text.Append($"namespace {Namespace}\n{{\n");
        AppendFields(text, FormType, schema.Form.Values, writable: false);
        AppendFields(text, VarsType, schema.Variables.Values, writable: true);
        text.Append($$"""
            public static class {{EntryType}}
            {
                public static void Run({{Host}} host)
                {
                    var scope = host.Scope;
                    {{BodyMethod}}(new {{FormType}}(host), new {{VarsType}}(host), scope.Ticket, scope.Requester, scope.Agent, scope.Now, host.Budget);
                }

                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] // keeps its line numbers in stack traces
                private static void {{BodyMethod}}({{FormType}} form, {{VarsType}} vars, TicketInfo ticket, PersonInfo requester, AgentInfo agent, global::System.DateTimeOffset now, global::LowCode.Runtime.Scripting.ScriptBudget {{BudgetName}})
                {

            """);
        text.Append($"#line 1 \"{FileName}\"\n").Append(code).Append("\n#line hidden\n");
        var bodyEnd = text.Length;
        text.Append("}\n}\n}\n");
        return new(text.ToString(), bodyEnd);
    }

    /// <summary>
    /// The analyst's statements, or null when the code escaped its method (an unbalanced brace,
    /// an unterminated comment or string swallowing the generated closing brace).
    /// </summary>
    public BlockSyntax? FindBody(SyntaxTree tree)
    {
        var body = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .FirstOrDefault(m => m.Identifier.ValueText == BodyMethod && m.Parent is ClassDeclarationSyntax { Identifier.ValueText: EntryType })?.Body;
        return body is { CloseBraceToken.IsMissing: false } && body.CloseBraceToken.SpanStart == BodyEnd ? body : null;
    }

    private const string Host = "global::LowCode.Runtime.Scripting.ScriptHost";

    private static void AppendFields(StringBuilder text, string type, IEnumerable<FieldSchema> fields, bool writable)
    {
        text.Append($"public sealed class {type}\n{{\n    private readonly {Host} __host;\n    public {type}({Host} host) {{ __host = host; }}\n");
        var names = new HashSet<string>(StringComparer.Ordinal) { type };
        foreach (var field in fields)
        {
            if (MemberName(field.Key) is not { } name || !names.Add(SyntaxFactory.ParseToken(name).ValueText)) continue;
            var clr = "global::" + DataTypes.ClrType(field.Type).FullName;
            var key = SymbolDisplay.FormatLiteral(field.Key, quote: true);
            text.Append(writable
                ? $"    public {clr} {name} {{ get => ({clr})__host.ReadVar({key}); set => __host.WriteVar({key}, value); }}\n"
                : $"    public {clr} {name} => ({clr})__host.ReadForm({key});\n");
        }
        text.Append("}\n");
    }

    /// <summary>
    /// The property name for a form field key or variable name: keywords are escaped (<c>@class</c>);
    /// keys that are not identifiers, or start with the reserved <c>__</c>, get no property.
    /// </summary>
    internal static string? MemberName(string key)
    {
        if (!SyntaxFacts.IsValidIdentifier(key) || key.StartsWith("__", StringComparison.Ordinal)) return null;
        return SyntaxFacts.GetKeywordKind(key) == SyntaxKind.None ? key : "@" + key;
    }
}
