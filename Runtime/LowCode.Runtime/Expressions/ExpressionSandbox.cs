using System.Linq.Expressions;
using System.Reflection;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Expressions;

/// <summary>
/// The allowlist every compiled expression tree must pass: only members of the context types,
/// strings, numbers, dates and Math; no reflection, no I/O, no clock (use <c>now</c>), nothing that
/// grows memory without bound. Checking the tree (not the text) means no spelling gets around it.
/// </summary>
internal sealed class ExpressionSandbox : ExpressionVisitor
{
    private static readonly HashSet<Type> AllowedTypes =
    [
        typeof(string), typeof(char), typeof(bool), typeof(byte), typeof(short), typeof(int), typeof(long), typeof(float), typeof(double),
        typeof(decimal), typeof(Math), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DayOfWeek), typeof(DateOnly),
        typeof(TagSet), typeof(TableRows), typeof(TableRow), typeof(TicketInfo), typeof(PersonInfo), typeof(AgentInfo),
        typeof(ExpressionFunctions), typeof(ScopeAccess), typeof(DataTypes), typeof(ExpressionScope),
    ];

    private static readonly HashSet<string> DeniedMembers =
    [
        // Unbounded growth.
        "String.PadLeft", "String.PadRight", "String.Replace", "String.Insert", "String.Join", "String.Format",
        // Wall clock: expressions are deterministic, `now` is the time of the input.
        "DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow",
        "ExpressionScope.Form", "ExpressionScope.Vars",
    ];

    private static readonly HashSet<string> CalendarMembers = ["Add", "Between", "IsWorkingTime", "NextWorkingTime", "Key", "Name"];

    private readonly List<string> _violations = [];

    public static IReadOnlyList<string> Check(Expression expression)
    {
        var sandbox = new ExpressionSandbox();
        sandbox.Visit(expression);
        return sandbox._violations;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        Require(node.Method);
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        Require(node.Member);
        return base.VisitMember(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        var type = node.Type;
        if (type != typeof(DateTimeOffset) && type != typeof(DateTime) && type != typeof(TimeSpan) && type != typeof(decimal))
            _violations.Add($"Creating {type.Name} objects is not allowed in expressions.");
        return base.VisitNew(node);
    }

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        _violations.Add("Creating arrays is not allowed in expressions.");
        return node;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _violations.Add("Lambdas are not allowed in expressions; use the table helpers such as form.Lines.Sum(\"Amount\").");
        return node;
    }

    protected override Expression VisitInvocation(InvocationExpression node)
    {
        if (node.Expression is not ConstantExpression { Value: Delegate d } || d.Method.DeclaringType != typeof(ExpressionFunctions))
            _violations.Add("Invoking delegates is not allowed in expressions.");
        return base.VisitInvocation(node);
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is Type or MemberInfo or Assembly)
            _violations.Add("typeof and reflection are not allowed in expressions.");
        return node;
    }

    private void Require(MemberInfo member)
    {
        var type = member.DeclaringType;
        var name = $"{type?.Name}.{member.Name}";
        if (type == typeof(BusinessCalendar))
        {
            if (!CalendarMembers.Contains(member.Name)) _violations.Add($"'{name}' is not allowed in expressions.");
            return;
        }
        if (type == typeof(object) && member.Name is "ToString" or "Equals") return;
        if (type is null || !AllowedTypes.Contains(type) || DeniedMembers.Contains(name) || member.Name == "GetType")
            _violations.Add($"'{Describe(member)}' is not allowed in expressions.");
    }

    private static string Describe(MemberInfo member) => $"{member.DeclaringType?.FullName}.{member.Name}";
}
