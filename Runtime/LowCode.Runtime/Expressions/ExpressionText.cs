using System.Text;

namespace LowCode.Runtime.Expressions;

/// <summary>
/// Prepares expression text for the parser. <c>form.Amount</c> and <c>vars.Level</c> become the
/// single identifiers <c>form_Amount</c> / <c>vars_Level</c>, which the compiler binds to typed
/// accessors. The rewrite keeps every character at its position, so parser errors point at the
/// analyst's own text. String and character literals are left untouched.
/// </summary>
internal static class ExpressionText
{
    public const int MaxLength = 4000;
    public const int MaxNesting = 48;

    public static readonly string[] DataRoots = ["form", "vars"];

    /// <summary>Returns the rewritten text, or an error for text that is too long or too deeply nested to parse safely.</summary>
    public static (string? Text, ExpressionError? Error) Prepare(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, new ExpressionError("The expression is empty.", 1, 1));
        if (text.Length > MaxLength) return (null, ExpressionError.At(text, MaxLength, $"The expression is longer than {MaxLength} characters."));

        var buffer = new StringBuilder(text);
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = SkipLiteral(text, i);
                continue;
            }
            if (c is '(' or '[' or '{')
            {
                if (++depth > MaxNesting) return (null, ExpressionError.At(text, i, $"The expression nests deeper than {MaxNesting} levels."));
            }
            else if (c is ')' or ']' or '}') depth--;
            else if (IsIdentifierStart(c) && (i == 0 || !IsIdentifierPart(text[i - 1])))
            {
                var end = i;
                while (end < text.Length && IsIdentifierPart(text[end])) end++;
                var word = text.AsSpan(i, end - i);
                var qualified = i > 0 && PreviousNonSpace(text, i - 1) == '.';
                if (!qualified && end < text.Length && text[end] == '.' && IsRoot(word))
                    buffer[end] = '_';
                i = end - 1;
            }
        }
        return (buffer.ToString(), null);
    }

    private static bool IsRoot(ReadOnlySpan<char> word)
    {
        foreach (var root in DataRoots)
            if (word.SequenceEqual(root)) return true;
        return false;
    }

    private static int SkipLiteral(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == quote) return i;
        }
        return text.Length;
    }

    private static char PreviousNonSpace(string text, int i)
    {
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i >= 0 ? text[i] : '\0';
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';
    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
