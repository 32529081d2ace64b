using System.Text;

namespace LowCode.Runtime.Expressions;

/// <summary>
/// Text with <c>{{ expression }}</c> holes, e.g. <c>"Ticket {{ticket.Id}}: {{form.Title}}"</c>.
/// Compiled once; rendering evaluates each hole as text (URL-encoded for URL templates).
/// </summary>
public sealed class CompiledTemplate
{
    private readonly (string? Literal, CompiledExpression? Hole)[] _parts;
    private readonly bool _urlEncode;

    private CompiledTemplate((string?, CompiledExpression?)[] parts, bool urlEncode)
    {
        _parts = parts;
        _urlEncode = urlEncode;
    }

    public static readonly CompiledTemplate Blank = new([], false);

    public string Render(ExpressionScope scope)
    {
        switch (_parts.Length)
        {
            case 0: return "";
            case 1: return Part(0, scope);
            case 2: return string.Concat(Part(0, scope), Part(1, scope));
            case 3: return string.Concat(Part(0, scope), Part(1, scope), Part(2, scope));
            case 4: return string.Concat(Part(0, scope), Part(1, scope), Part(2, scope), Part(3, scope));
        }
        var text = new StringBuilder();
        foreach (var (literal, hole) in _parts)
        {
            if (literal is not null) text.Append(literal);
            else
            {
                var value = hole!.EvaluateText(scope);
                text.Append(_urlEncode ? Uri.EscapeDataString(value) : value);
            }
        }
        return text.ToString();
    }

    private string Part(int index, ExpressionScope scope)
    {
        var (literal, hole) = _parts[index];
        if (literal is not null) return literal;
        var value = hole!.EvaluateText(scope);
        return _urlEncode ? Uri.EscapeDataString(value) : value;
    }

    /// <summary>Compiles a template; errors carry line/column within the whole template text.</summary>
    public static (CompiledTemplate? Template, IReadOnlyList<ExpressionError> Errors) Compile(string? template, ExpressionCompiler compiler, bool urlEncode = false)
    {
        template ??= "";
        var parts = new List<(string?, CompiledExpression?)>();
        var errors = new List<ExpressionError>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0) { parts.Add((template[position..], null)); break; }
            if (open > position) parts.Add((template[position..open], null));
            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                errors.Add(ExpressionError.At(template, open, "'{{' is not closed by '}}'."));
                break;
            }
            var inner = template[(open + 2)..close];
            var result = compiler.Compile(inner.Trim(), typeof(string));
            if (result.Expression is not null) parts.Add((null, result.Expression));
            foreach (var e in result.Errors)
            {
                var shift = ExpressionError.At(template, open + 2 + (inner.Length - inner.TrimStart().Length), "");
                errors.Add(e with { Line = shift.Line + e.Line - 1, Column = e.Line == 1 ? shift.Column + e.Column - 1 : e.Column });
            }
            position = close + 2;
        }
        return errors.Count > 0 ? (null, errors) : (new CompiledTemplate([.. parts], urlEncode), errors);
    }
}
