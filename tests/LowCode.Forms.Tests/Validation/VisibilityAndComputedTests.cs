using LowCode.Forms.Schema;
using LowCode.Forms.Tests.Support;
using Xunit;

namespace LowCode.Forms.Tests.Validation;

/// <summary>Defaults, computed values, visibility and conditional requirement, all driven by expressions.</summary>
public sealed class VisibilityAndComputedTests
{
    private static readonly FormSchema Repair = Data.Form(
        new FormField { Key = "Kind", Type = FieldType.Radio, Options = new OptionSource { Items = [new("hardware"), new("software")] }, Default = "hardware" },
        new FormField { Key = "Serial", Type = FieldType.Text, Required = true, VisibleWhen = "form.Kind == \"hardware\"" },
        new FormField { Key = "Version", Type = FieldType.Text, RequiredWhen = "form.Kind == \"software\"" },
        new FormField { Key = "Internal", Type = FieldType.Text, Hidden = true });

    [Fact]
    public void Hidden_fields_are_neither_validated_nor_submitted()
    {
        var result = Data.Validate(Repair, """{ "Kind": "software", "Serial": 12345, "Version": "1.2", "Internal": "x" }""");

        Assert.True(result.IsValid, Data.Codes(result));
        Assert.Equal("""{"Kind":"software","Version":"1.2"}""", Data.ToJson(result.CleanData));
    }

    [Fact]
    public void The_result_names_the_visible_fields_so_a_renderer_shows_the_same_ones()
    {
        Assert.Equal(["Kind", "Version"], Data.Validate(Repair, """{ "Kind": "software" }""").VisibleFields.Order());
        Assert.Equal(["Kind", "Serial", "Version"], Data.Validate(Repair, """{ }""").VisibleFields.Order());
    }

    [Fact]
    public void Visible_fields_are_validated_and_defaults_fill_empty_fields()
    {
        var result = Data.Validate(Repair, """{ }""");

        Assert.Equal("Serial:required", Data.Codes(result));
        Assert.Equal("hardware", result.CleanData["Kind"]);
    }

    [Fact]
    public void RequiredWhen_makes_a_field_required_only_when_true() =>
        Assert.Equal("Version:required", Data.Codes(Data.Validate(Repair, """{ "Kind": "software" }""")));

    [Fact]
    public void The_result_names_the_fields_required_for_this_data()
    {
        Assert.Equal(["Version"], Data.Validate(Repair, """{ "Kind": "software", "Version": "1.2" }""").RequiredFields);
        Assert.Equal(["Serial"], Data.Validate(Repair, """{ }""").RequiredFields);
    }

    [Fact]
    public void Computed_fields_are_recomputed_in_dependency_order_ignoring_submitted_values()
    {
        var form = Data.Form(
            new FormField { Key = "Total", Type = FieldType.Money, Computed = "form.Net + form.Tax" },
            new FormField { Key = "Tax", Type = FieldType.Money, Computed = "Round(form.Net * 0.13m, 2)" },
            new FormField { Key = "Net", Type = FieldType.Money });

        var result = Data.Validate(form, """{ "Net": 100, "Tax": 1, "Total": 1 }""");

        Assert.True(result.IsValid, Data.Codes(result));
        Assert.Equal(13m, result.CleanData["Tax"]);
        Assert.Equal(113m, result.CleanData["Total"]);
    }

    [Fact]
    public void Default_expressions_and_read_only_defaults_are_applied()
    {
        var form = Data.Form(
            new FormField { Key = "Reporter", Type = FieldType.UserPicker, ReadOnly = true, DefaultExpression = "requester.Id" },
            new FormField { Key = "Day", Type = FieldType.Date, DefaultExpression = "now" });
        var context = new LowCode.Forms.Validation.FormValidationContext
        {
            Requester = new LowCode.Runtime.Expressions.Context.PersonInfo("u-7", "Li Lei"),
            Now = new DateTimeOffset(2026, 3, 2, 7, 30, 0, TimeSpan.FromHours(8)),
        };

        var result = LowCode.Forms.Validation.FormValidator.Validate(form, Data.Of("""{ "Reporter": "u-1" }"""), context);

        Assert.True(result.IsValid, Data.Codes(result));
        Assert.Equal("u-7", result.CleanData["Reporter"]);
        Assert.Equal("2026-03-02", result.CleanData["Day"]);
    }

    [Fact]
    public void A_rule_failing_at_run_time_becomes_a_problem_naming_the_rule()
    {
        var form = Data.Form(
            new FormField { Key = "A", Type = FieldType.Number },
            new FormField { Key = "B", Type = FieldType.Number, VisibleWhen = "100 / form.A > 1" });

        var result = Data.Validate(form, """{ "A": 0, "B": 1 }""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("B", "expression"), (problem.Path, problem.Code));
        Assert.Contains("visibleWhen", problem.Message);
    }
}
