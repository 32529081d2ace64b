namespace LowCode.Runtime.Expressions;

/// <summary>
/// An expression compiled to a delegate over <see cref="ExpressionScope"/>. Immutable and thread-safe;
/// compiled once per published version and shared by every ticket of that version.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Func<ExpressionScope, object?> _evaluate;
    private readonly Func<ExpressionScope, bool>? _test;

    internal CompiledExpression(string text, Type resultType, Func<ExpressionScope, object?> evaluate, Func<ExpressionScope, bool>? test,
        Func<Dispatch.AgentPrefilter?>? prefilter = null)
    {
        Text = text;
        ResultType = resultType;
        _evaluate = evaluate;
        _test = test;
        _prefilter = new Lazy<Dispatch.AgentPrefilter?>(prefilter ?? (() => null));
    }

    private readonly Lazy<Dispatch.AgentPrefilter?> _prefilter;

    public string Text { get; }
    public Type ResultType { get; }

    /// <summary>For a boolean expression used as a dispatch filter: its leading conditions on who the agent is, if any.</summary>
    public Dispatch.AgentPrefilter? Prefilter => _prefilter.Value;

    public object? Evaluate(ExpressionScope scope)
    {
        try
        {
            return _evaluate(scope);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ExpressionRuntimeException(Text, e.Message, e);
        }
    }

    /// <summary>Evaluates a boolean expression without boxing.</summary>
    public bool Test(ExpressionScope scope)
    {
        if (_test is null) return DataTypes.ToBoolean(Evaluate(scope));
        try
        {
            return _test(scope);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ExpressionRuntimeException(Text, e.Message, e);
        }
    }

    public decimal EvaluateNumber(ExpressionScope scope) => DataTypes.ToNumber(Evaluate(scope));
    public DateTimeOffset EvaluateInstant(ExpressionScope scope) => DataTypes.ToInstant(Evaluate(scope));
    public string EvaluateText(ExpressionScope scope) => DataTypes.ToText(Evaluate(scope));

    public override string ToString() => Text;
}

/// <summary>The result of compiling: the expression, or every reason it was refused.</summary>
public sealed record ExpressionCompileResult(CompiledExpression? Expression, IReadOnlyList<ExpressionError> Errors)
{
    public bool Succeeded => Expression is not null;
}
