using System.Collections.Immutable;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Expressions.Context;
using LowCode.Runtime.Samples;
using Xunit;

namespace LowCode.Runtime.Tests.Expressions;

public sealed class ExpressionTests
{
    internal static readonly ExpressionSchema Schema = new(
        [
            new FieldSchema("Amount", DataType.Money), new FieldSchema("Site", DataType.Choice), new FieldSchema("Urgent", DataType.Boolean),
            new FieldSchema("Start", DataType.Date), new FieldSchema("End", DataType.Date), new FieldSchema("Tags", DataType.MultiChoice),
            new FieldSchema("Lines", DataType.Table) { Columns = [new FieldSchema("Amount", DataType.Money), new FieldSchema("Category", DataType.Choice)] },
        ],
        [new FieldSchema("level", DataType.Number)]);

    private static readonly ExpressionCompiler Compiler = ExpressionCompiler.For(Schema);

    internal static ExpressionScope Scope() => new()
    {
        Form = ImmutableDictionary<string, object?>.Empty
            .Add("Amount", 6000m).Add("Site", "SH").Add("Urgent", true)
            .Add("Start", "2026-03-02").Add("End", "2026-03-05")
            .Add("Tags", ImmutableArray.Create<object?>("vip", "night"))
            .Add("Lines", ImmutableArray.Create<object?>(
                ImmutableDictionary<string, object?>.Empty.Add("Amount", 100m).Add("Category", "taxi"),
                ImmutableDictionary<string, object?>.Empty.Add("Amount", 250.5m).Add("Category", "hotel"))),
        Vars = ImmutableDictionary<string, object?>.Empty.Add("level", 2m),
        Ticket = new TicketInfo("T-7", "repair", "P2", "open", "Press down", DateTimeOffset.Parse("2026-03-02T09:00:00+08:00")),
        Requester = new PersonInfo("u-zhang", "Zhang San") { Department = "Finance", Roles = new TagSet(["employee"]) },
        Agent = new AgentInfo("a-li", "Li Wei") { Skills = new TagSet(["electrical", "hvac"]), SkillLevels = ImmutableDictionary<string, int>.Empty.Add("electrical", 4), Region = "SH", OpenTasks = 2, Capacity = 5 },
        Now = DateTimeOffset.Parse("2026-03-02T17:00:00+08:00"),
        Calendar = SampleTicketTypes.Calendars[SampleTicketTypes.CalendarKey],
    };

    private static object? Eval(string text, Type? expected = null)
    {
        var result = Compiler.Compile(text, expected);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Expression!.Evaluate(Scope());
    }

    [Theory]
    [InlineData("form.Amount > 5000", true)]
    [InlineData("form.Amount * 2 + 1", 12001)]
    [InlineData("form.Site == \"SH\" && form.Urgent", true)]
    [InlineData("form.End >= form.Start", true)]
    [InlineData("(form.End - form.Start).TotalDays", 3.0)]
    [InlineData("form.Tags.Contains(\"VIP\")", true)]
    [InlineData("form.Lines.Sum(\"Amount\")", 350.5)]
    [InlineData("form.Lines.Count", 2)]
    [InlineData("form.Lines.Row(1).Text(\"Category\")", "hotel")]
    [InlineData("vars.level + 1", 3)]
    [InlineData("ticket.Priority == \"P2\" && ticket.Id == \"T-7\"", true)]
    [InlineData("requester.Department", "Finance")]
    [InlineData("agent.Skills.Contains(\"electrical\") && agent.Region == form.Site && agent.OnDuty", true)]
    [InlineData("agent.Level(\"electrical\") * 10 - agent.OpenTasks", 38)]
    [InlineData("IsBlank(form.Site)", false)]
    [InlineData("Matches(\"13800138000\", \"^1[3-9]\\\\d{9}$\")", true)]
    [InlineData("Round(form.Amount / 7, 2)", 857.14)]
    [InlineData("Math.Max(form.Amount, 7000m)", 7000)]
    [InlineData("form.Amount > 5000.5m ? \"big\" : \"small\"", "big")]
    [InlineData("form.Missing == null", null)]
    public void Evaluates_typed_expressions_over_the_context(string text, object? expected)
    {
        if (expected is null)
        {
            Assert.False(Compiler.Compile(text).Succeeded);
            return;
        }
        var value = Eval(text);
        Assert.Equal(Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Business_time_helpers_use_the_ticket_calendar()
    {
        // 17:00 Monday + 4 business hours: 1 hour Monday, 3 hours Tuesday morning.
        Assert.Equal(DateTimeOffset.Parse("2026-03-03T12:00:00+08:00"), Eval("cal.Add(now, Hours(4))"));
        Assert.Equal(TimeSpan.FromHours(7), Eval("cal.Between(ticket.CreatedAt, now)")); // 9-12 and 13-17
        Assert.Equal(true, Eval("cal.IsWorkingTime(now)"));
    }

    [Fact]
    public void Missing_values_read_as_empty_values_of_their_type()
    {
        var compiled = Compiler.Compile("form.Amount == 0 && form.Site == \"\" && !form.Urgent && form.Lines.Count == 0 && !IsSet(form.Start)").Expression!;
        Assert.True(compiled.Test(new ExpressionScope()));
    }

    [Theory]
    [InlineData("form.Amount > \"x\"", 1, 18, "operator")]
    [InlineData("form.Colour == \"red\"", 1, 1, "Unknown form field 'Colour'. Known: Amount, End, Lines, Site, Start, Tags, Urgent.")]
    [InlineData("vars.nope > 1", 1, 1, "Unknown variable 'nope'")]
    [InlineData("foo + 1", 1, 1, "Unknown name 'foo'")]
    [InlineData("form.Amount >\n  (1 +", 2, 7, "")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("form.Amount = 5", 1, 13, "Assignment")]
    public void Refuses_bad_expressions_with_line_and_column(string text, int line, int column, string message)
    {
        var result = Compiler.Compile(text);
        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Checks_the_result_type_the_place_expects()
    {
        Assert.Contains("true/false is expected", Compiler.Compile("form.Amount", typeof(bool)).Errors.Single().Message);
        Assert.True(Compiler.Compile("form.Amount + 1", typeof(decimal)).Succeeded);
        Assert.True(Compiler.Compile("3", typeof(decimal)).Succeeded);
        Assert.Equal("6000", Compiler.Compile("form.Amount", typeof(string)).Expression!.Evaluate(Scope()));
    }

    [Fact]
    public void Compiles_each_expression_once_per_schema()
    {
        var first = Compiler.Compile("form.Amount > 100 && form.Urgent").Expression;
        var second = ExpressionCompiler.For(new ExpressionSchema(Schema.Form.Values, Schema.Variables.Values)).Compile("form.Amount > 100 && form.Urgent").Expression;
        Assert.Same(first, second);
        var otherSchema = ExpressionCompiler.For(new ExpressionSchema([new FieldSchema("Amount", DataType.Text), new FieldSchema("Urgent", DataType.Boolean)], []));
        Assert.False(otherSchema.Compile("form.Amount > 100 && form.Urgent").Succeeded);
    }

    [Fact]
    public void Runtime_failure_names_the_expression()
    {
        var compiled = Compiler.Compile("100 / (form.Amount - 6000)").Expression!;
        var e = Assert.Throws<ExpressionRuntimeException>(() => compiled.Evaluate(Scope()));
        Assert.Contains("100 / (form.Amount - 6000)", e.Message);
    }

    [Fact]
    public void Dotted_names_inside_strings_are_left_alone()
    {
        Assert.Equal("form.Amount", Eval("\"form.Amount\""));
        Assert.Equal(true, Eval("form.Site != \"vars.level\""));
    }

    [Fact]
    public void Calendar_in_expressions_is_the_scope_calendar()
    {
        var scope = Scope();
        scope.Calendar = BusinessCalendar.AlwaysOpen;
        Assert.Equal(scope.Now.AddHours(4), Compiler.Compile("cal.Add(now, Hours(4))").Expression!.Evaluate(scope));
    }
}
