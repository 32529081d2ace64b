using System.Net;
using System.Text;

namespace LowCode.Forms.Validation;

/// <summary>
/// Cleans a rich-text value to an allow-list of HTML: <c>p, br, strong, b, em, i, ul, ol, li</c> and <c>a</c> with an
/// <c>href</c> of http, https or mailto (plus <c>rel="nofollow noopener noreferrer"</c>). The output is written afresh from
/// what was read — text encoded, no other attribute, every element closed — never copied from the input, so no script,
/// event handler, style or <c>javascript:</c> address can come through. Other elements go but keep their text; the
/// content of script, style and the like goes with them. Never throws.
/// </summary>
public static class RichTextSanitizer
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a" };

    /// <summary>Elements whose content is not text for people: dropped whole.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "title", "svg", "math", "xmp", "noembed", "noframes", "select",
    };

    public static string Clean(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var output = new StringBuilder(html.Length);
        var open = new List<string>();
        var reader = new HtmlReader(html);
        while (reader.Next() is { } token)
        {
            switch (token)
            {
                case HtmlReader.Text text:
                    output.Append(WebUtility.HtmlEncode(WebUtility.HtmlDecode(text.Value)));
                    break;
                case HtmlReader.Tag { Name: var name, Closing: false } tag when Dropped.Contains(name):
                    if (!tag.SelfClosing) reader.SkipTo(name);
                    break;
                case HtmlReader.Tag { Closing: false } tag when Allowed.Contains(tag.Name):
                    if (tag.Name == "br")
                    {
                        output.Append("<br>");
                        break;
                    }
                    output.Append('<').Append(tag.Name);
                    if (tag.Name == "a" && SafeHref(tag.Attribute("href")) is { } href)
                        output.Append(" href=\"").Append(WebUtility.HtmlEncode(href)).Append("\" rel=\"nofollow noopener noreferrer\"");
                    output.Append('>');
                    open.Add(tag.Name);
                    break;
                case HtmlReader.Tag { Closing: true } tag when open.LastIndexOf(tag.Name) is var at and >= 0:
                    for (var i = open.Count - 1; i >= at; i--) output.Append("</").Append(open[i]).Append('>');
                    open.RemoveRange(at, open.Count - at);
                    break;
            }
        }
        for (var i = open.Count - 1; i >= 0; i--) output.Append("</").Append(open[i]).Append('>');
        var clean = output.ToString();
        return HasText(clean) ? clean : "";
    }

    /// <summary>The text people read in cleaned HTML (for length rules and summaries): tags out, entities decoded.</summary>
    public static string PlainText(string? html)
    {
        var text = new StringBuilder();
        var reader = new HtmlReader(html ?? "");
        while (reader.Next() is { } token)
        {
            if (token is HtmlReader.Text t) text.Append(WebUtility.HtmlDecode(t.Value));
            else if (token is HtmlReader.Tag { Name: "br" or "p" or "li" } && text.Length > 0 && text[^1] != '\n') text.Append('\n');
        }
        return text.ToString().Trim();
    }

    /// <summary>http, https and mailto addresses only, read the way a browser would (entities decoded, no control characters).</summary>
    private static string? SafeHref(string? href)
    {
        if (href is null) return null;
        var decoded = WebUtility.HtmlDecode(href).Trim();
        if (decoded.Length == 0 || decoded.Length > 2048 || decoded.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) && c != ' ')) return null;
        return Uri.TryCreate(decoded, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" ? uri.AbsoluteUri : null;
    }

    private static bool HasText(string html) => PlainText(html).Length > 0;
}
