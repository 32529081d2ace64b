using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using DynamicExpresso;
using DynamicExpresso.Exceptions;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Expressions;

/// <summary>
/// Compiles C#-syntax expressions (DynamicExpresso) against a typed <see cref="ExpressionSchema"/>.
/// Parsing type-checks: <c>form.Amount &gt; "x"</c> and <c>form.Missing</c> are errors with line and column.
/// The compiled tree must pass <see cref="ExpressionSandbox"/>. Results are cached by a hash of
/// the text, the schema and the expected type, so every version compiles each expression once.
/// </summary>
public sealed class ExpressionCompiler
{
    private const int CacheLimit = 20_000;
    private static readonly ConcurrentDictionary<string, ExpressionCompileResult> Cache = new();
    private static readonly ConcurrentDictionary<string, ExpressionCompiler> BySchema = new();

    private readonly ExpressionSchema _schema;
    private readonly Interpreter _interpreter;
    private readonly ParameterExpression _scope = Expression.Parameter(typeof(ExpressionScope), "scope");
    private readonly Lock _parseLock = new();

    private ExpressionCompiler(ExpressionSchema schema)
    {
        _schema = schema;
        _interpreter = new Interpreter(InterpreterOptions.PrimitiveTypes | InterpreterOptions.SystemKeywords)
            .EnableAssignment(AssignmentOperators.None);
        foreach (var type in new[] { typeof(Math), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DayOfWeek) })
            _interpreter.Reference(type);
        foreach (var (name, function) in ExpressionFunctions.All())
            _interpreter.SetFunction(name, function);

        _interpreter.SetIdentifier(new Identifier("ticket", Expression.Property(_scope, nameof(ExpressionScope.Ticket))));
        _interpreter.SetIdentifier(new Identifier("requester", Expression.Property(_scope, nameof(ExpressionScope.Requester))));
        _interpreter.SetIdentifier(new Identifier("agent", Expression.Property(_scope, nameof(ExpressionScope.Agent))));
        _interpreter.SetIdentifier(new Identifier("now", Expression.Property(_scope, nameof(ExpressionScope.Now))));
        _interpreter.SetIdentifier(new Identifier("cal", Expression.Property(_scope, nameof(ExpressionScope.Calendar))));
        foreach (var field in schema.Form.Values)
            _interpreter.SetIdentifier(new Identifier("form_" + field.Key, Accessor(nameof(ScopeAccess.Form), field)));
        foreach (var variable in schema.Variables.Values)
            _interpreter.SetIdentifier(new Identifier("vars_" + variable.Key, Accessor(nameof(ScopeAccess.Var), variable)));
    }

    public ExpressionSchema Schema => _schema;

    /// <summary>The compiler for a schema (shared per schema fingerprint).</summary>
    public static ExpressionCompiler For(ExpressionSchema schema) =>
        BySchema.Count > 1000 ? new ExpressionCompiler(schema) : BySchema.GetOrAdd(schema.Fingerprint, _ => new ExpressionCompiler(schema));

    /// <summary>Compiles <paramref name="text"/>; <paramref name="expected"/> (bool, decimal, string, DateTimeOffset, TimeSpan or null for any) is checked.</summary>
    public ExpressionCompileResult Compile(string text, Type? expected = null)
    {
        var key = CacheKey(text, expected);
        if (Cache.TryGetValue(key, out var cached)) return cached;
        var result = CompileUncached(text ?? "", expected);
        if (Cache.Count >= CacheLimit) Cache.Clear();
        Cache.TryAdd(key, result);
        return result;
    }

    private ExpressionCompileResult CompileUncached(string text, Type? expected)
    {
        var (prepared, error) = ExpressionText.Prepare(text);
        if (error is not null) return Fail(error);

        Lambda lambda;
        try
        {
            lock (_parseLock) lambda = _interpreter.Parse(prepared!);
        }
        catch (UnknownIdentifierException e)
        {
            return Fail(ExpressionError.At(text, e.Position, DescribeUnknown(e.Identifier)));
        }
        catch (ParseException e)
        {
            return Fail(ExpressionError.At(text, e.Position, Clean(e.Message)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException or FormatException or OverflowException)
        {
            return Fail(new ExpressionError(Clean(e.Message), 1, 1));
        }

        var violations = ExpressionSandbox.Check(lambda.Expression);
        if (violations.Count > 0)
            return new ExpressionCompileResult(null, violations.Distinct().Select(v => LocateViolation(text, v)).ToList());

        var body = lambda.Expression;
        if (expected is not null)
        {
            var converted = ConvertTo(body, expected);
            if (converted is null)
                return Fail(new ExpressionError($"The expression gives {FriendlyName(body.Type)} but {FriendlyName(expected)} is expected here.", 1, 1));
            body = converted;
        }

        var evaluate = Expression.Lambda<Func<ExpressionScope, object?>>(Expression.Convert(body, typeof(object)), _scope).Compile();
        var test = body.Type == typeof(bool) ? Expression.Lambda<Func<ExpressionScope, bool>>(body, _scope).Compile() : null;
        // Built on first use (dispatch filters only): the static leading conditions, compiled once.
        Func<Dispatch.AgentPrefilter?>? prefilter = body.Type == typeof(bool) ? () => Dispatch.AgentPrefilter.From(body, _scope) : null;
        return new ExpressionCompileResult(new CompiledExpression(text, body.Type, evaluate, test, prefilter), []);
    }

    private Expression Accessor(string method, FieldSchema field)
    {
        Expression raw = Expression.Call(typeof(ScopeAccess), method, null, _scope, Expression.Constant(field.Key));
        return field.Type switch
        {
            DataType.Number or DataType.Money => Expression.Call(typeof(DataTypes), nameof(DataTypes.ToNumber), null, raw),
            DataType.Boolean => Expression.Call(typeof(DataTypes), nameof(DataTypes.ToBoolean), null, raw),
            DataType.Date or DataType.DateTime => Expression.Call(typeof(DataTypes), nameof(DataTypes.ToInstant), null, raw),
            DataType.MultiChoice or DataType.File => Expression.Call(typeof(DataTypes), nameof(DataTypes.ToTags), null, raw),
            DataType.Table => Expression.Call(typeof(DataTypes), nameof(DataTypes.ToRows), null, raw, Expression.Constant(field.Columns)),
            _ => Expression.Call(typeof(DataTypes), nameof(DataTypes.ToText), null, raw),
        };
    }

    private static Expression? ConvertTo(Expression body, Type expected)
    {
        if (expected == typeof(object) || body.Type == expected) return body;
        if (expected == typeof(string))
            return Expression.Call(typeof(DataTypes), nameof(DataTypes.ToText), null, Expression.Convert(body, typeof(object)));
        if (expected == typeof(decimal) && IsNumeric(body.Type)) return Expression.Convert(body, typeof(decimal));
        if (expected == typeof(DateTimeOffset) && body.Type == typeof(DateTime))
            return Expression.Call(typeof(DataTypes), nameof(DataTypes.ToInstant), null, Expression.Convert(body, typeof(object)));
        return null;
    }

    private static bool IsNumeric(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t == typeof(short) || t == typeof(byte);

    private string DescribeUnknown(string identifier)
    {
        if (identifier.StartsWith("form_", StringComparison.Ordinal))
            return $"Unknown form field '{identifier[5..]}'.{Suggest(_schema.Form.Keys)}";
        if (identifier.StartsWith("vars_", StringComparison.Ordinal))
            return $"Unknown variable '{identifier[5..]}'.{Suggest(_schema.Variables.Keys)}";
        return $"Unknown name '{identifier}'. Expressions can use form.<field>, vars.<variable>, ticket, requester, agent, now, cal and the functions {string.Join(", ", ExpressionFunctions.All().Select(f => f.Name))}.";
    }

    private static string Suggest(IEnumerable<string> known)
    {
        var list = known.Order(StringComparer.Ordinal).Take(12).ToList();
        return list.Count == 0 ? " None are defined." : $" Known: {string.Join(", ", list)}.";
    }

    private static ExpressionError LocateViolation(string text, string violation)
    {
        var quoted = violation.Split('\'');
        var member = quoted.Length > 2 ? quoted[1].Split('.')[^1] : null;
        var index = member is null ? -1 : text.IndexOf(member, StringComparison.Ordinal);
        return ExpressionError.At(text, Math.Max(0, index), violation);
    }

    private static string Clean(string message)
    {
        var cut = message.IndexOf(" (at index", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message == "Invalid Operation"
            ? "The operator cannot be applied to these operand types (compare like with like; write money literals as 5000.5m)."
            : message;
    }

    private static string FriendlyName(Type type) =>
        type == typeof(bool) ? "true/false" : type == typeof(decimal) ? "a number" : type == typeof(string) ? "text"
        : type == typeof(DateTimeOffset) ? "a date/time" : type == typeof(TimeSpan) ? "a duration" : type.Name;

    private static ExpressionCompileResult Fail(ExpressionError error) => new(null, [error]);

    private string CacheKey(string text, Type? expected)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{text}\u0001{_schema.Fingerprint}\u0001{expected?.FullName}"));
        return Convert.ToHexString(bytes);
    }
}
