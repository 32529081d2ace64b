namespace LowCode.Designer.TicketTypes.Editing;

/// <summary>
/// Where the caret asks for a completion: right after <c>form.</c> (or <c>vars.</c>, <c>ticket.</c>, <c>agent.</c>,
/// <c>requester.</c>) and the start of a name, e.g. <c>form.Am|</c> is root <c>form</c>, prefix <c>Am</c>, starting at 5.
/// </summary>
public sealed record ExpressionCompletionPoint(string Root, string Prefix, int Start)
{
    private static readonly HashSet<string> CompletingRoots = new(StringComparer.Ordinal) { "form", "vars", "ticket", "agent", "requester" };

    /// <summary>The completion point at <paramref name="caret"/>, or null (not after a root, inside a string, outside a template hole).</summary>
    public static ExpressionCompletionPoint? At(string text, int caret, bool template)
    {
        caret = Math.Clamp(caret, 0, text.Length);
        var before = text[..caret];
        var holeStart = 0;
        if (template)
        {
            var open = before.LastIndexOf("{{", StringComparison.Ordinal);
            if (open < 0 || before.LastIndexOf("}}", StringComparison.Ordinal) > open) return null;
            holeStart = open + 2;
        }
        if (InsideString(before, holeStart)) return null;

        var start = caret;
        while (start > holeStart && ExpressionTokenizer.IsIdentifierPart(text[start - 1])) start--;
        if (start - 1 < holeStart || text[start - 1] != '.') return null;
        var rootEnd = start - 1;
        var rootStart = rootEnd;
        while (rootStart > holeStart && ExpressionTokenizer.IsIdentifierPart(text[rootStart - 1])) rootStart--;
        var root = text[rootStart..rootEnd];
        if (!CompletingRoots.Contains(root) || (rootStart > holeStart && text[rootStart - 1] == '.')) return null;
        return new ExpressionCompletionPoint(root, text[start..caret], start);
    }

    private static bool InsideString(string before, int from)
    {
        char? quote = null;
        for (var i = from; i < before.Length; i++)
        {
            var c = before[i];
            if (quote is null) { if (c is '"' or '\'') quote = c; }
            else if (c == '\\') i++;
            else if (c == quote) quote = null;
        }
        return quote is not null;
    }
}
