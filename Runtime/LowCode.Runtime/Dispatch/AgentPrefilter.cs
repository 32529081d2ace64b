using System.Collections.Immutable;
using System.Globalization;
using System.Linq.Expressions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Dispatch;

/// <summary>
/// The leading conditions of a dispatch filter that depend only on who the agent is — skills, regions, sites,
/// teams, capacity — and on form fields or variables: <c>agent.Skills.Contains(form.Category) &amp;&amp; agent.Region == form.Site</c>
/// in <c>… &amp;&amp; agent.OnDuty</c>. For one organisation snapshot and one set of those field values its answer per agent
/// never changes, so dispatch remembers it (<see cref="KeyOf"/>) and only agents it admits are described and
/// judged by the whole filter. An agent it rejects is one the whole filter rejects at the same point (conditions are
/// read left to right, as the filter reads them), so the ranking is the same with or without it.
/// </summary>
public sealed class AgentPrefilter
{
    /// <summary>Agent members fixed for a snapshot; the rest (on duty, out of office, open tasks) change between dispatches.</summary>
    private static readonly FrozenNames StaticMembers = new([nameof(AgentInfo.Id), nameof(AgentInfo.Name), nameof(AgentInfo.Skills), nameof(AgentInfo.SkillLevels),
        nameof(AgentInfo.Region), nameof(AgentInfo.Regions), nameof(AgentInfo.Sites), nameof(AgentInfo.Teams), nameof(AgentInfo.Capacity), nameof(AgentInfo.Level)]);

    private readonly Func<ExpressionScope, bool> _test;

    private AgentPrefilter(Func<ExpressionScope, bool> test, ImmutableArray<string> formKeys, ImmutableArray<string> varKeys, bool whole) =>
        (_test, FormKeys, VarKeys, IsWholeFilter) = (test, formKeys, varKeys, whole);

    /// <summary>Form fields the conditions read (their values are part of the key).</summary>
    public ImmutableArray<string> FormKeys { get; }
    public ImmutableArray<string> VarKeys { get; }

    /// <summary>True when the whole filter is static: an agent admitted here passes the filter.</summary>
    public bool IsWholeFilter { get; }

    /// <summary>The static leading conditions of a boolean filter body over <paramref name="scope"/>, or null when the first one is not static.</summary>
    internal static AgentPrefilter? From(Expression body, ParameterExpression scope)
    {
        var conditions = new List<Expression>();
        Flatten(body, conditions);
        var reads = new Reads(scope);
        var prefix = conditions.TakeWhile(reads.IsStatic).ToList();
        if (prefix.Count == 0) return null;
        var test = Expression.Lambda<Func<ExpressionScope, bool>>(prefix.Aggregate(Expression.AndAlso), scope).Compile();
        return new AgentPrefilter(test, [.. reads.FormKeys.Order(StringComparer.Ordinal)], [.. reads.VarKeys.Order(StringComparer.Ordinal)], prefix.Count == conditions.Count);
    }

    /// <summary>
    /// The memo key for a ticket: the values of the fields read, or null when one of them is not a plain value
    /// (text, number, yes/no, date, empty) — then every agent is judged by the whole filter.
    /// </summary>
    public string? KeyOf(ExpressionScope scope)
    {
        var parts = new string[FormKeys.Length + VarKeys.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var value = i < FormKeys.Length ? ScopeAccess.Form(scope, FormKeys[i]) : ScopeAccess.Var(scope, VarKeys[i - FormKeys.Length]);
            var part = value switch
            {
                null => "~",
                string text => "s" + text,
                bool or decimal or int or long or double or DateTimeOffset => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
                _ => null,
            };
            if (part is null) return null;
            parts[i] = part;
        }
        return string.Join('\u001f', parts);
    }

    /// <summary>
    /// Whether the agent (its snapshot profile: only the static members are read) may pass the filter: false only when
    /// a leading static condition is false. A condition that fails to evaluate admits the agent (the whole filter then says how it failed).
    /// </summary>
    public bool Admits(ExpressionScope scope, AgentInfo profile)
    {
        var original = scope.Agent;
        try
        {
            scope.Agent = profile;
            return _test(scope);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return true;
        }
        finally
        {
            scope.Agent = original;
        }
    }

    private static void Flatten(Expression e, List<Expression> into)
    {
        if (e is BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } and)
        {
            Flatten(and.Left, into);
            Flatten(and.Right, into);
        }
        else into.Add(e);
    }

    private sealed class FrozenNames(IEnumerable<string> names)
    {
        private readonly HashSet<string> _names = new(names, StringComparer.Ordinal);
        public bool Contains(string name) => _names.Contains(name);
    }

    /// <summary>Checks that a condition reads the scope only through static agent members and form/variable accessors.</summary>
    private sealed class Reads(ParameterExpression scope) : ExpressionVisitor
    {
        private bool _static;

        public HashSet<string> FormKeys { get; } = new(StringComparer.Ordinal);
        public HashSet<string> VarKeys { get; } = new(StringComparer.Ordinal);

        public bool IsStatic(Expression condition)
        {
            _static = true;
            Visit(condition);
            return _static;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == scope)
            {
                if (node.Member.Name != nameof(ExpressionScope.Agent)) _static = false;
                return node;
            }
            if (node.Expression?.Type == typeof(AgentInfo) && !StaticMembers.Contains(node.Member.Name)) _static = false;
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(ScopeAccess) && node.Arguments is [var s, ConstantExpression { Value: string key }] && s == scope)
            {
                (node.Method.Name == nameof(ScopeAccess.Form) ? FormKeys : VarKeys).Add(key);
                return node;
            }
            if (node.Object?.Type == typeof(AgentInfo) && !StaticMembers.Contains(node.Method.Name)) _static = false;
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node == scope) _static = false; // the scope handed on whole (a function, ticket, now…): not static
            return node;
        }

        protected override Expression VisitInvocation(InvocationExpression node)
        {
            _static = false; // functions may read the clock
            return node;
        }
    }
}
