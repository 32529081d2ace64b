using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using CsCheck;
using LowCode.Forms.Schema;
using LowCode.Forms.Validation;
using Xunit;

namespace LowCode.Forms.Tests.Validation;

/// <summary>Rich text is stored as allow-listed HTML: formatting and safe links stay, everything else goes, whatever arrives.</summary>
public sealed partial class RichTextTests
{
    [Theory]
    [InlineData("<p>Motor <strong>trips</strong> after <em>10 min</em></p>", "<p>Motor <strong>trips</strong> after <em>10 min</em></p>")]
    [InlineData("<ul><li>one<li>two</ul><ol><li>a</li></ol>", "<ul><li>one<li>two</li></li></ul><ol><li>a</li></ol>")]
    [InlineData("line<br/>break<BR>", "line<br>break<br>")]
    [InlineData("<b>bold</b> <i>it</i>", "<b>bold</b> <i>it</i>")]
    [InlineData("<p>unclosed <strong>bold", "<p>unclosed <strong>bold</strong></p>")]
    [InlineData("<a href=\"https://wiki.example.com/press-4\" target=_blank title=x>manual</a>", "<a href=\"https://wiki.example.com/press-4\" rel=\"nofollow noopener noreferrer\">manual</a>")]
    [InlineData("<a href='mailto:maintenance@example.com'>mail</a>", "<a href=\"mailto:maintenance@example.com\" rel=\"nofollow noopener noreferrer\">mail</a>")]
    public void Formatting_and_safe_links_are_kept(string input, string expected) => Assert.Equal(expected, RichTextSanitizer.Clean(input));

    [Theory]
    [InlineData("<script>alert(1)</script><p>ok</p>", "<p>ok</p>")]
    [InlineData("<p onclick=\"alert(1)\" style=\"color:red\">ok</p>", "<p>ok</p>")]
    [InlineData("<img src=x onerror=alert(1)>ok", "ok")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\" JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"java\tscript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "<a>x</a>")]
    [InlineData("<div><span>kept text</span></div>", "kept text")]
    [InlineData("<style>p{}</style><!-- note --><svg onload=alert(1)><p>x</p></svg>ok", "ok")]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    public void Everything_else_goes(string input, string expected) => Assert.Equal(expected, RichTextSanitizer.Clean(input));

    [Fact]
    public void The_validator_stores_the_cleaned_html_and_counts_the_text_for_length_rules()
    {
        var schema = new FormSchema
        {
            Sections = [new FormSection { Fields = [new FormField { Key = "Description", Type = FieldType.RichText, Required = true, MaxLength = 10 }] }],
        };

        var clean = FormValidator.Validate(schema, ImmutableDictionary<string, object?>.Empty.Add("Description", "<p onclick=x>Press <b>4</b></p><script>x</script>"));
        var onlyScript = FormValidator.Validate(schema, ImmutableDictionary<string, object?>.Empty.Add("Description", "<script>alert(1)</script>"));
        var tooLong = FormValidator.Validate(schema, ImmutableDictionary<string, object?>.Empty.Add("Description", "<p>Press <b>4</b> trips</p>"));

        Assert.True(clean.IsValid);
        Assert.Equal("<p>Press <b>4</b></p>", clean.CleanData["Description"]);
        Assert.Equal([FormProblemCodes.Required], onlyScript.Problems.Select(p => p.Code));
        Assert.Equal([FormProblemCodes.MaxLength], tooLong.Problems.Select(p => p.Code));
    }

    private static readonly string[] Pieces =
    [
        "<", ">", "/", "=", "\"", "'", " ", "\t", "\n", "&", "&#106;", "&#x6A;", "&lt;", "&quot;", "x", "字", "-->", "<!--", "<![CDATA[", "]]>",
        "<script>", "</script>", "<script", "script", "<style>", "</style>", "<svg onload=alert(1)>", "<img src=x onerror=alert(1)>", "<iframe src=",
        "<p>", "</p>", "<b>", "</b>", "<strong>", "<em>", "<ul>", "<li>", "</li>", "<ol>", "<br>", "<br/>", "<a ", "<a>", "</a>", "<A HREF=",
        "href=", "href=\"", "onclick=", "onmouseover=\"", "style=", "javascript:", "JaVaScRiPt:", "java\tscript:", "vbscript:", "data:text/html,",
        "http://x.test/a?b=1&c=2", "https://", "mailto:a@b.c", "alert(1)", "<div", "<textarea>", "</textarea>", "<P ONCLICK=",
    ];

    private static readonly Gen<string> Html = Gen.OneOf(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]), Gen.Char.Select(c => c.ToString())).Array[0, 40].Select(string.Concat);

    [Fact]
    public void Arbitrary_input_never_yields_script_event_handlers_or_unsafe_links()
    {
        Html.Sample(input =>
        {
            var clean = RichTextSanitizer.Clean(input);
            foreach (Match tag in Tag().Matches(clean))
                Assert.Matches(AllowedTag(), tag.Value);
            Assert.DoesNotContain('<', Tag().Replace(clean, ""));
            Assert.DoesNotContain('>', Tag().Replace(clean, ""));
            foreach (Match href in Href().Matches(clean))
                Assert.Matches(@"^(https?|mailto):", WebUtility.HtmlDecode(href.Groups[1].Value));
            Assert.Equal(clean, RichTextSanitizer.Clean(clean));
        }, iter: 3000);
    }

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("""^(</?(p|br|strong|b|em|i|ul|ol|li|a)>|<a href="[^"<>]*" rel="nofollow noopener noreferrer">)$""")]
    private static partial Regex AllowedTag();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
