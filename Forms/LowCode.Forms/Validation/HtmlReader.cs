namespace LowCode.Forms.Validation;

/// <summary>
/// A forgiving HTML tokenizer for <see cref="RichTextSanitizer"/>: text runs and tags (lower-case names, attributes
/// with quoted or bare values). Comments, doctypes and processing instructions are skipped; a tag left open at the
/// end is dropped. It only reads; what it reads is never echoed, so its shortcuts cannot let markup through.
/// </summary>
internal sealed class HtmlReader(string html)
{
    public abstract record Token;
    public sealed record Text(string Value) : Token;
    public sealed record Tag(string Name, bool Closing, bool SelfClosing, IReadOnlyList<(string Name, string Value)> Attributes) : Token
    {
        public string? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name) is { Name: not null } a ? a.Value : null;
    }

    private int _at;

    public Token? Next()
    {
        while (_at < html.Length)
        {
            if (html[_at] != '<')
            {
                var end = html.IndexOf('<', _at);
                if (end < 0) end = html.Length;
                var text = html[_at..end];
                _at = end;
                return new Text(text);
            }
            var next = _at + 1 < html.Length ? html[_at + 1] : '\0';
            if (next is '!' or '?')
            {
                SkipMarkupDeclaration();
                continue;
            }
            if (next == '/' && _at + 2 < html.Length && char.IsAsciiLetter(html[_at + 2]))
            {
                _at += 2;
                var name = ReadName();
                var close = html.IndexOf('>', _at);
                _at = close < 0 ? html.Length : close + 1;
                return new Tag(name, Closing: true, SelfClosing: false, []);
            }
            if (char.IsAsciiLetter(next))
            {
                _at++;
                if (ReadStartTag() is { } tag) return tag;
                continue;
            }
            _at++;
            return new Text("<");
        }
        return null;
    }

    /// <summary>Moves past the end tag of <paramref name="name"/> (the content of script, style… is not read as tags).</summary>
    public void SkipTo(string name)
    {
        while (_at < html.Length)
        {
            var close = html.IndexOf("</" + name, _at, StringComparison.OrdinalIgnoreCase);
            if (close < 0) break;
            var after = close + 2 + name.Length;
            if (after < html.Length && IsNameChar(html[after]))
            {
                _at = after;
                continue;
            }
            var end = html.IndexOf('>', after);
            _at = end < 0 ? html.Length : end + 1;
            return;
        }
        _at = html.Length;
    }

    private void SkipMarkupDeclaration()
    {
        if (string.CompareOrdinal(html, _at, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", _at + 4, StringComparison.Ordinal);
            _at = end < 0 ? html.Length : end + 3;
            return;
        }
        var close = html.IndexOf('>', _at);
        _at = close < 0 ? html.Length : close + 1;
    }

    private Tag? ReadStartTag()
    {
        var name = ReadName();
        var attributes = new List<(string, string)>();
        while (_at < html.Length)
        {
            var c = html[_at];
            if (char.IsWhiteSpace(c) || c == '/' && _at + 1 < html.Length && html[_at + 1] != '>')
            {
                _at++;
                continue;
            }
            if (c == '>')
            {
                _at++;
                return new Tag(name, Closing: false, SelfClosing: false, attributes);
            }
            if (c == '/')
            {
                _at += 2;
                return new Tag(name, Closing: false, SelfClosing: true, attributes);
            }
            var start = _at;
            do _at++; while (_at < html.Length && !char.IsWhiteSpace(html[_at]) && html[_at] is not ('=' or '>' or '/'));
            var attribute = html[start.._at].ToLowerInvariant();
            var value = "";
            while (_at < html.Length && char.IsWhiteSpace(html[_at])) _at++;
            if (_at < html.Length && html[_at] == '=')
            {
                _at++;
                while (_at < html.Length && char.IsWhiteSpace(html[_at])) _at++;
                value = ReadValue();
            }
            attributes.Add((attribute, value));
        }
        return null; // never closed: dropped
    }

    private string ReadValue()
    {
        if (_at >= html.Length) return "";
        if (html[_at] is '"' or '\'')
        {
            var quote = html[_at];
            var end = html.IndexOf(quote, _at + 1);
            if (end < 0)
            {
                _at = html.Length;
                return "";
            }
            var quoted = html[(_at + 1)..end];
            _at = end + 1;
            return quoted;
        }
        var start = _at;
        while (_at < html.Length && !char.IsWhiteSpace(html[_at]) && html[_at] != '>') _at++;
        return html[start.._at];
    }

    private string ReadName()
    {
        var start = _at;
        while (_at < html.Length && IsNameChar(html[_at])) _at++;
        return html[start.._at].ToLowerInvariant();
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '_';
}
