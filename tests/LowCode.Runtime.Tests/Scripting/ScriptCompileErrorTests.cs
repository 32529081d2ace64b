using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Scripting;
using Xunit;
using static LowCode.Runtime.Tests.Scripting.ScriptTestKit;

namespace LowCode.Runtime.Tests.Scripting;

public sealed class ScriptCompileErrorTests
{
    [Theory]
    [InlineData("var total = 1;\nvars.Level = totl;", 2, 14, "totl")]
    [InlineData("var a = 1;\nvar b = 2;\n    vars.Note = 5;", 3, 17, "int")]
    [InlineData("vars.Level = 1;\nvars.Level = 2\nvars.Note = \"x\";", 2, 15, "; expected")]
    [InlineData("if (form.Urgent)\n{\n    vars.Level = 1;\n", 3, 20, "} expected")]
    [InlineData("vars.Level = 1;\n}\nvars.Level = 2;", 2, 1, "")]
    [InlineData("vars.Note = \"unterminated;", 1, 13, "")]
    public void Reports_compile_errors_at_the_line_and_column_of_the_analysts_code(string code, int line, int column, string mentions)
    {
        var error = Errors(code)[0];

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(mentions, error.Message);
    }

    [Fact]
    public void Names_an_unknown_form_field_or_variable()
    {
        var errors = Errors("var a = form.Amout;\nvars.Levle = 2;");

        Assert.Equal(new ScriptDiagnostic("form has no field 'Amout'", 1, 14), errors[0]);
        Assert.Equal(new ScriptDiagnostic("vars has no variable 'Levle'", 2, 6), errors[1]);
    }

    [Fact]
    public void Form_fields_are_read_only()
    {
        var error = Assert.Single(Errors("\nform.Amount = 5;"));

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("read-only", error.Message);
    }

    [Theory]
    [InlineData("using System.IO;\nvars.Level = 1;", "using")]
    [InlineData("vars.Level = 1;\nclass Evil { }", "type declaration")]
    [InlineData("record R(int A);\nvars.Level = 1;", "type declaration")]
    [InlineData("namespace N { }", "namespace")]
    [InlineData("#define X\nvars.Level = 1;", "#")]
    [InlineData("vars.Level = 1;\n#line 1 \"elsewhere\"\nvars.Level = 2;", "#")]
    public void Accepts_statements_only(string code, string symbol) =>
        Assert.Contains(Errors(code), e => e.Symbol == symbol);

    [Fact]
    public void Keys_that_are_not_identifiers_get_no_property_and_keywords_are_escaped()
    {
        var schema = new ExpressionSchema(
            [
                new("first name", DataType.Text), new("1st", DataType.Text), new("__host", DataType.Text), new("ScriptForm", DataType.Text),
                new("class", DataType.Text), new("Größe", DataType.Number), new("a\"b", DataType.Text),
            ],
            [new("total-cost", DataType.Money), new("Note", DataType.Text), new("ScriptVars", DataType.Text)]);
        var scope = new ExpressionScope { Form = Scope().Form.Add("class", "B").Add("Größe", 42m) };

        var result = Compiler.Compile("vars.Note = form.@class + form.Größe;", schema);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("B42", result.Script!.Run(scope, Patient).ChangedVariables["Note"]);
    }
}
