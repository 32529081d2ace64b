namespace LowCode.Runtime.Expressions;

/// <summary>Why an expression was refused, and where in its text (1-based line and column).</summary>
public sealed record ExpressionError(string Message, int Line, int Column)
{
    public override string ToString() => $"{Message} (line {Line}, column {Column})";

    internal static ExpressionError At(string text, int index, string message)
    {
        index = Math.Clamp(index, 0, text.Length);
        int line = 1, column = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return new ExpressionError(message, line, column);
    }
}

/// <summary>An expression failed while being evaluated (division by zero, a regex timeout, …).</summary>
public sealed class ExpressionRuntimeException(string expression, string message, Exception? inner = null)
    : Exception($"Expression '{expression}' failed: {message}", inner)
{
    public string Expression { get; } = expression;
}
