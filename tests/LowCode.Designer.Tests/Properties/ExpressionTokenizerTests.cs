using LowCode.Designer.TicketTypes.Editing;
using static LowCode.Designer.TicketTypes.Editing.ExpressionTokenKind;

namespace LowCode.Designer.Tests.Properties;

public sealed class ExpressionTokenizerTests
{
    [Theory]
    [InlineData("form.Amount > 5000 && ticket.Priority == \"P1\"")]
    [InlineData("agent.Skills.Contains(form.Category) && agent.Level(\"electrical\") >= 2")]
    [InlineData("form.Amount >")]
    [InlineData("\"never closed")]
    [InlineData("x\n  && 'c' != null\r\n|| 1.5m < vars.total")]
    public void Tokens_join_back_into_the_exact_text(string text)
    {
        Assert.Equal(text, string.Concat(ExpressionTokenizer.Tokenize(text).Select(t => t.Text)));
        Assert.Equal(text, string.Concat(ExpressionTokenizer.TokenizeTemplate(text).Select(t => t.Text)));
    }

    [Fact]
    public void Colours_context_roots_their_members_strings_numbers_operators_and_keywords()
    {
        var tokens = ExpressionTokenizer.Tokenize("form.Amount > 5000 && ticket.Priority == \"P1\" || vars.urgent != true")
            .Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();

        Assert.Equal(
        [
            (Context, "form"), (Plain, "."), (Member, "Amount"), (Operator, ">"), (Number, "5000"), (Operator, "&&"),
            (Context, "ticket"), (Plain, "."), (Member, "Priority"), (Operator, "=="), (ExpressionTokenKind.String, "\"P1\""), (Operator, "||"),
            (Context, "vars"), (Plain, "."), (Member, "urgent"), (Operator, "!="), (Keyword, "true"),
        ], tokens.Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void A_name_further_along_a_member_chain_or_a_root_word_without_a_dot_is_a_plain_identifier()
    {
        var tokens = ExpressionTokenizer.Tokenize("agent.Skills.Contains(form) && IsBlank(null)").Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();

        Assert.Equal((Context, "agent"), (tokens[0].Kind, tokens[0].Text));
        Assert.Equal((Member, "Skills"), (tokens[2].Kind, tokens[2].Text));
        Assert.Equal((Identifier, "Contains"), (tokens[4].Kind, tokens[4].Text));
        Assert.Equal((Identifier, "form"), (tokens[6].Kind, tokens[6].Text));
        Assert.Equal((Identifier, "IsBlank"), (tokens[9].Kind, tokens[9].Text));
        Assert.Equal((Keyword, "null"), (tokens[11].Kind, tokens[11].Text));
    }

    [Fact]
    public void A_template_keeps_its_text_plain_and_scans_each_hole_as_an_expression()
    {
        var tokens = ExpressionTokenizer.TokenizeTemplate("Repair {{ form.Asset }} done").ToList();

        Assert.Equal((Text, "Repair "), (tokens[0].Kind, tokens[0].Text));
        Assert.Equal((Hole, "{{"), (tokens[1].Kind, tokens[1].Text));
        Assert.Contains(tokens, t => t is { Kind: Context, Text: "form" });
        Assert.Contains(tokens, t => t is { Kind: Member, Text: "Asset" });
        Assert.Equal((Hole, "}}"), (tokens[^2].Kind, tokens[^2].Text));
        Assert.Equal((Text, " done"), (tokens[^1].Kind, tokens[^1].Text));
    }

    [Theory]
    [InlineData("form.", 5, "form", "", 5)]
    [InlineData("form.Am", 7, "form", "Am", 5)]
    [InlineData("vars.total > 0 && agent.Sk", 26, "agent", "Sk", 24)]
    [InlineData("form.Amount > 1", 7, "form", "Am", 5)]
    public void Completes_after_a_context_root_up_to_the_caret(string text, int caret, string root, string prefix, int start)
    {
        Assert.Equal(new ExpressionCompletionPoint(root, prefix, start), ExpressionCompletionPoint.At(text, caret, template: false));
    }

    [Theory]
    [InlineData("\"form.", false)]
    [InlineData("x.form.", false)]
    [InlineData("forms.", false)]
    [InlineData("Total form.", true)]
    public void Does_not_complete_inside_strings_after_other_names_or_outside_template_holes(string text, bool template)
    {
        Assert.Null(ExpressionCompletionPoint.At(text, text.Length, template));
    }

    [Fact]
    public void Completes_inside_an_open_template_hole()
    {
        Assert.Equal(new ExpressionCompletionPoint("ticket", "I", 17), ExpressionCompletionPoint.At("Ticket {{ ticket.I", 18, template: true));
    }
}
