using LowCode.Forms.Checking;
using LowCode.Forms.Schema;
using LowCode.Forms.Tests.Support;
using Xunit;

namespace LowCode.Forms.Tests.Checking;

/// <summary>The designer's check of a schema: every problem at once, each with its path.</summary>
public sealed class FormSchemaCheckerTests
{
    [Fact]
    public void The_sample_forms_have_no_problems()
    {
        Assert.Empty(FormSchemaChecker.Check(SampleForms.Expense()));
        Assert.Empty(FormSchemaChecker.Check(SampleForms.EveryFieldType()));
    }

    [Fact]
    public void Reports_every_problem_with_its_path()
    {
        var schema = new FormSchema
        {
            Sections =
            [
                new FormSection { Key = "a", Columns = 5, Fields = [new FormField { Key = "Amount", Type = FieldType.Number, Min = 10, Max = 1 }] },
                new FormSection
                {
                    Key = "b", Columns = 1,
                    Fields =
                    [
                        new FormField { Key = "Amount", Type = FieldType.Text },
                        new FormField { Key = "Kind", Type = FieldType.SingleSelect, Options = new OptionSource { Set = "nope" } },
                        new FormField { Key = "Code", Pattern = "([a-z" },
                        new FormField { Key = "Lines", Type = FieldType.RepeatingGroup },
                    ],
                },
            ],
        };

        var paths = FormSchemaChecker.Check(schema).Select(p => p.Path).ToList();

        Assert.Equal(
        [
            "sections[0].columns", "sections[0].fields[0].min", "sections[1].fields[0].key",
            "sections[1].fields[1].options.set", "sections[1].fields[2].pattern", "sections[1].fields[3].columns",
        ], paths);
    }

    [Fact]
    public void Expression_errors_carry_line_and_column()
    {
        var schema = Data.Form(
            new FormField { Key = "Amount", Type = FieldType.Number },
            new FormField { Key = "Note", VisibleWhen = "form.Amount > 5 &&\n  form.Missing == \"x\"" },
            new FormField { Key = "Total", Type = FieldType.Number, Computed = "\"text\"" });

        var problems = FormSchemaChecker.Check(schema);

        var visible = Assert.Single(problems, p => p.Path == "sections[0].fields[1].visibleWhen");
        Assert.Equal((2, 3), (visible.Line, visible.Column));
        Assert.Contains("Missing", visible.Message);
        Assert.Single(problems, p => p.Path == "sections[0].fields[2].computed");
    }

    [Fact]
    public void Rules_must_be_true_or_false()
    {
        var schema = Data.Form(new FormField { Key = "Amount", Type = FieldType.Number }) with
        {
            Rules = [new CrossFieldRule { Expression = "form.Amount + 1", Message = "x", Fields = ["Amount", "Ghost"] }],
        };

        Assert.Equal(["rules[0].expression", "rules[0].fields"], FormSchemaChecker.Check(schema).Select(p => p.Path));
    }

    [Fact]
    public void Computed_fields_that_depend_on_themselves_are_a_cycle()
    {
        var schema = Data.Form(
            new FormField { Key = "A", Type = FieldType.Number, Computed = "form.B + 1" },
            new FormField { Key = "B", Type = FieldType.Number, Computed = "form.A + 1" },
            new FormField { Key = "C", Type = FieldType.Number, Computed = "form.C" });

        var cycles = FormSchemaChecker.Check(schema).Where(p => p.Message.Contains("depends on itself")).Select(p => p.Path);

        Assert.Equal(["sections[0].fields[0].computed", "sections[0].fields[1].computed", "sections[0].fields[2].computed"], cycles);
    }

    [Fact]
    public void Repeating_group_columns_are_checked_like_fields()
    {
        var schema = Data.Form(new FormField
        {
            Key = "Lines", Type = FieldType.RepeatingGroup, MinRows = 3, MaxRows = 1,
            Columns = [new FormField { Key = "X" }, new FormField { Key = "X", VisibleWhen = "true" }],
        });

        Assert.Equal(
            ["sections[0].fields[0].minRows", "sections[0].fields[0].columns[1].key", "sections[0].fields[0].columns[1]"],
            FormSchemaChecker.Check(schema).Select(p => p.Path));
    }
}
