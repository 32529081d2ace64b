using LowCode.Runtime.Expressions;
using Xunit;
using static LowCode.Runtime.Tests.Scripting.ScriptTestKit;

namespace LowCode.Runtime.Tests.Scripting;

public sealed class ScriptReadsTests
{
    [Theory]
    [InlineData("string value = form.Title; vars.Approved = value == \"Broken chair\";")]
    [InlineData("decimal value = form.Amount; vars.Approved = value == 1250.50m;")]
    [InlineData("decimal value = form.Budget; vars.Approved = value == 900m;")]
    [InlineData("bool value = form.Urgent; vars.Approved = value;")]
    [InlineData("DateTimeOffset value = form.Due; vars.Approved = value == new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.Zero);")]
    [InlineData("DateTimeOffset value = form.DueAt; vars.Approved = value.Hour == 17 && value.Day == 10;")]
    [InlineData("string value = form.Site; vars.Approved = value == \"Berlin\";")]
    [InlineData("TagSet value = form.Tags; vars.Approved = value.Count == 2 && value.Contains(\"SAFETY\") && value.First == \"safety\";")]
    [InlineData("string value = form.Owner; vars.Approved = value == \"u-42\";")]
    [InlineData("string value = form.Team; vars.Approved = value == \"facilities\";")]
    [InlineData("TagSet value = form.Attachments; vars.Approved = value.Contains(\"photo.jpg\");")]
    [InlineData("TableRows value = form.Lines; vars.Approved = value.Count == 2 && value.Sum(\"Amount\") == 300m && value.Row(1).Text(\"Item\") == \"Desk\";")]
    public void Reads_each_form_field_typed_by_its_data_type(string code) =>
        Assert.Equal(true, Run(code)["Approved"]);

    [Fact]
    public void Missing_form_values_read_as_empty_values()
    {
        var changed = Run("vars.Approved = form.Amount == 0 && form.Title == \"\" && !form.Urgent && form.Tags.IsEmpty && form.Lines.Count == 0;",
            new ExpressionScope { Now = Now });
        Assert.Equal(true, changed["Approved"]);
    }

    [Fact]
    public void Reads_ticket_requester_agent_and_now()
    {
        var changed = Run("""
            vars.Note = $"{ticket.Priority} {ticket.Title} {requester.Department} {agent.Level("electrical")} {now:yyyy-MM-dd}";
            vars.Approved = requester.IsVip && requester.Roles.Contains("manager") && agent.SkillLevels.GetValueOrDefault("electrical") == 4;
            """);
        Assert.Equal("P2 Chair for room 4 Finance 4 2025-03-03", changed["Note"]);
        Assert.Equal(true, changed["Approved"]);
    }

    [Fact]
    public void Reads_variables_typed_and_sees_its_own_writes()
    {
        var changed = Run("""
            var before = vars.Level;
            vars.Level = vars.Level + 1;
            vars.Note = $"{before} -> {vars.Level}, {vars.Note}";
            """);
        Assert.Equal("1 -> 2, first", changed["Note"]);
    }

    [Fact]
    public void Runs_the_purchase_approval_example()
    {
        var changed = Run("""
            var total = form.Lines.Sum("Amount");
            vars.Level = total > 20000 ? 3 : total > 5000 ? 2 : 1;
            if (form.Urgent) vars.Note = "urgent: " + ticket.Title;
            """);
        Assert.Equal(1m, changed["Level"]);
        Assert.Equal("urgent: Chair for room 4", changed["Note"]);
    }
}
