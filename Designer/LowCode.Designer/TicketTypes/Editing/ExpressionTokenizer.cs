namespace LowCode.Designer.TicketTypes.Editing;

/// <summary>What a piece of expression text is, for colouring it.</summary>
public enum ExpressionTokenKind
{
    /// <summary>Spaces, brackets, commas and dots.</summary>
    Plain,
    String,
    Number,
    Operator,
    /// <summary><c>true</c>, <c>false</c>, <c>null</c> and the few C# keywords expressions may use.</summary>
    Keyword,
    /// <summary>A root of the context: <c>form</c>, <c>vars</c>, <c>ticket</c>, <c>agent</c>, <c>requester</c>, <c>now</c>, <c>cal</c>.</summary>
    Context,
    /// <summary>The name right after a context root: the <c>Amount</c> of <c>form.Amount</c>.</summary>
    Member,
    /// <summary>Any other name: functions, methods, properties further along.</summary>
    Identifier,
    /// <summary>Template text outside the <c>{{ }}</c> holes.</summary>
    Text,
    /// <summary>The <c>{{</c> and <c>}}</c> around a template hole.</summary>
    Hole,
}

public readonly record struct ExpressionToken(ExpressionTokenKind Kind, string Text);

/// <summary>
/// Splits expression (or template) text into coloured pieces. The pieces always join back into the exact text,
/// so the highlight drawn behind the text box lines up with what the analyst typed, even while it does not parse.
/// </summary>
public static class ExpressionTokenizer
{
    public static readonly IReadOnlySet<string> ContextRoots = new HashSet<string>(StringComparer.Ordinal)
        { "form", "vars", "ticket", "agent", "requester", "now", "cal" };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
        { "true", "false", "null", "new", "typeof", "is", "as", "default" };

    private const string OperatorCharacters = "+-*/%<>=!&|?:^~";

    public static IReadOnlyList<ExpressionToken> Tokenize(string? text)
    {
        var tokens = new List<ExpressionToken>();
        Scan(text ?? "", 0, (text ?? "").Length, tokens);
        return tokens;
    }

    /// <summary>Text with <c>{{ expression }}</c> holes: the text stays plain, each hole is scanned as an expression.</summary>
    public static IReadOnlyList<ExpressionToken> TokenizeTemplate(string? text)
    {
        text ??= "";
        var tokens = new List<ExpressionToken>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0) { tokens.Add(new(ExpressionTokenKind.Text, text[position..])); break; }
            if (open > position) tokens.Add(new(ExpressionTokenKind.Text, text[position..open]));
            tokens.Add(new(ExpressionTokenKind.Hole, "{{"));
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            Scan(text, open + 2, close < 0 ? text.Length : close, tokens);
            if (close < 0) break;
            tokens.Add(new(ExpressionTokenKind.Hole, "}}"));
            position = close + 2;
        }
        return tokens;
    }

    private static void Scan(string text, int start, int end, List<ExpressionToken> tokens)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            var (kind, next) = c switch
            {
                _ when char.IsWhiteSpace(c) => (ExpressionTokenKind.Plain, While(text, i, end, char.IsWhiteSpace)),
                '"' or '\'' => (ExpressionTokenKind.String, EndOfLiteral(text, i, end)),
                _ when char.IsDigit(c) => (ExpressionTokenKind.Number, NumberEnd(text, i, end)),
                _ when char.IsLetter(c) || c == '_' => (ExpressionTokenKind.Identifier, While(text, i, end, IsIdentifierPart)),
                _ when OperatorCharacters.Contains(c) => (ExpressionTokenKind.Operator, While(text, i, end, OperatorCharacters.Contains)),
                _ => (ExpressionTokenKind.Plain, i + 1),
            };
            var piece = text[i..next];
            if (kind == ExpressionTokenKind.Identifier) kind = Classify(text, piece, next, end, tokens);
            tokens.Add(new(kind, piece));
            i = next;
        }
    }

    private static ExpressionTokenKind Classify(string text, string word, int next, int end, List<ExpressionToken> tokens)
    {
        if (Keywords.Contains(word)) return ExpressionTokenKind.Keyword;
        var afterDot = Significant(tokens, 0) is { Text: "." };
        if (afterDot) return Significant(tokens, 1) is { Kind: ExpressionTokenKind.Context } ? ExpressionTokenKind.Member : ExpressionTokenKind.Identifier;
        var followedByDot = next < end && text[next] == '.';
        return ContextRoots.Contains(word) && (followedByDot || word is "now") ? ExpressionTokenKind.Context : ExpressionTokenKind.Identifier;
    }

    /// <summary>The n-th token from the end that is not white space.</summary>
    private static ExpressionToken? Significant(List<ExpressionToken> tokens, int n)
    {
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (tokens[i].Kind == ExpressionTokenKind.Plain && string.IsNullOrWhiteSpace(tokens[i].Text)) continue;
            if (tokens[i].Kind == ExpressionTokenKind.Hole) return null;
            if (n-- == 0) return tokens[i];
        }
        return null;
    }

    private static int While(string text, int i, int end, Func<char, bool> part)
    {
        while (i < end && part(text[i])) i++;
        return i;
    }

    private static int NumberEnd(string text, int i, int end)
    {
        i = While(text, i, end, char.IsLetterOrDigit);
        if (i + 1 < end && text[i] == '.' && char.IsDigit(text[i + 1])) i = While(text, i + 1, end, char.IsLetterOrDigit);
        return i;
    }

    private static int EndOfLiteral(string text, int start, int end)
    {
        var quote = text[start];
        for (var i = start + 1; i < end; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == quote) return i + 1;
        }
        return end;
    }

    internal static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
