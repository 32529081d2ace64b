using System.Reflection;
using System.Runtime.CompilerServices;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Designer.TicketTypes.Editing;

/// <summary>A name the editor offers after <c>form.</c>, <c>vars.</c>, <c>ticket.</c>…, with its type.</summary>
public sealed record ExpressionCompletion(string Name, string Detail);

/// <summary>
/// The expression language as the designer sees one working copy: the compiler publishing uses, over the same
/// schema (every form and task-form field, the flow's variables), and the names that complete after each context root.
/// Built once per working copy (the copy is immutable), so checking as the analyst types costs one cached compile.
/// </summary>
public sealed class ExpressionContext
{
    private static readonly ConditionalWeakTable<TicketTypeDefinition, ExpressionContext> ByDefinition = new();

    // Declared first: the member lists below are built from it when the class initialises.
    private static readonly HashSet<string> RecordMembers = ["ToString", "Equals", "GetHashCode", "Deconstruct", "PrintMembers", "<Clone>$"];
    private static readonly IReadOnlyList<ExpressionCompletion> TicketMembers = MembersOf(typeof(TicketInfo));
    private static readonly IReadOnlyList<ExpressionCompletion> AgentMembers = MembersOf(typeof(AgentInfo));
    private static readonly IReadOnlyList<ExpressionCompletion> RequesterMembers = MembersOf(typeof(PersonInfo));

    private readonly IReadOnlyList<ExpressionCompletion> _form;
    private readonly IReadOnlyList<ExpressionCompletion> _vars;

    private ExpressionContext(TicketTypeDefinition definition)
    {
        Compiler = ExpressionCompiler.For(ExpressionSchema.For(definition.Workflow ?? new(), TicketTypeCompiler.FieldsOf(definition)));
        _form = Compiler.Schema.Form.Values.Select(f => new ExpressionCompletion(f.Key, f.Type.ToString())).ToList();
        _vars = Compiler.Schema.Variables.Values.Select(v => new ExpressionCompletion(v.Key, v.Type.ToString())).ToList();
    }

    public static ExpressionContext Of(TicketTypeDefinition definition) => ByDefinition.GetValue(definition, d => new ExpressionContext(d));

    public ExpressionCompiler Compiler { get; }

    /// <summary>Why the text is refused (expected type checked), or nothing. Templates check every <c>{{ }}</c> hole as text.</summary>
    public IReadOnlyList<ExpressionError> Check(string text, Type? resultType, bool template) =>
        template ? CompiledTemplate.Compile(text, Compiler).Errors : Compiler.Compile(text, resultType).Errors;

    /// <summary>The names after <paramref name="root"/> that start with <paramref name="prefix"/> (case-insensitive), exact-case matches first.</summary>
    public IReadOnlyList<ExpressionCompletion> Complete(string root, string prefix)
    {
        var names = root switch
        {
            "form" => _form,
            "vars" => _vars,
            "ticket" => TicketMembers,
            "agent" => AgentMembers,
            "requester" => RequesterMembers,
            _ => [],
        };
        return names.Where(n => n.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.Name.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The public properties and methods expressions may read on a context type (<c>agent.Level(skill)</c>).</summary>
    private static List<ExpressionCompletion> MembersOf(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new ExpressionCompletion(p.Name, TypeName(p.PropertyType)));
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !RecordMembers.Contains(m.Name))
            .Select(m => new ExpressionCompletion(m.Name, $"({string.Join(", ", m.GetParameters().Select(p => TypeName(p.ParameterType)))}) → {TypeName(m.ReturnType)}"));
        return properties.Concat(methods).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static string TypeName(Type type) => type switch
    {
        _ when type == typeof(string) => "string",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(int) => "int",
        _ when type == typeof(decimal) => "decimal",
        _ when type.IsGenericType => type.Name[..type.Name.IndexOf('`')],
        _ => type.Name,
    };
}
