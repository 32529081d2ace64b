using System.Collections.Immutable;
using LowCode.Runtime.Expressions;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// What a script's generated <c>form</c> and <c>vars</c> objects read and write through during one run:
/// typed views of the stored values (<see cref="DataTypes.View"/>, made once per run) and the variables
/// the script assigned. Public only because generated code calls it; analysts' code cannot reach it.
/// </summary>
public sealed class ScriptHost
{
    private readonly ExpressionSchema schema;
    private readonly Dictionary<string, object?> formViews = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> varViews = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> assigned = new(StringComparer.Ordinal);

    internal ScriptHost(ExpressionSchema schema, ExpressionScope scope, ScriptBudget budget)
    {
        this.schema = schema;
        Scope = scope;
        Budget = budget;
    }

    public ExpressionScope Scope { get; }
    public ScriptBudget Budget { get; }

    public object? ReadForm(string key)
    {
        if (!formViews.TryGetValue(key, out var view))
            formViews[key] = view = DataTypes.View(schema.Form[key], Scope.Form.GetValueOrDefault(key));
        return view;
    }

    public object? ReadVar(string key)
    {
        if (assigned.TryGetValue(key, out var value)) return value;
        if (!varViews.TryGetValue(key, out var view))
            varViews[key] = view = DataTypes.View(schema.Variables[key], Scope.Vars.GetValueOrDefault(key));
        return view;
    }

    public void WriteVar(string key, object? value) => assigned[key] = value;

    /// <summary>The assigned variables in stored form.</summary>
    internal ImmutableDictionary<string, object?> Changes() =>
        assigned.ToImmutableDictionary(p => p.Key, p => DataTypes.Store(p.Value), StringComparer.Ordinal);
}
