using LowCode.Runtime.Scripting;
using Xunit;
using static LowCode.Runtime.Tests.Scripting.ScriptTestKit;

namespace LowCode.Runtime.Tests.Scripting;

public sealed class ScriptRuntimeErrorTests
{
    [Fact]
    public void An_exception_in_the_script_names_its_message_and_line()
    {
        var error = Fails("var lines = form.Lines.Count;\nvar empty = 0;\nvars.Level = lines / empty;");

        Assert.Equal("Script failed: Attempted to divide by zero. (line 3)", error.Message);
        Assert.Equal(3, error.Line);
        Assert.IsType<DivideByZeroException>(error.InnerException);
    }

    [Fact]
    public void Lines_stay_right_after_rewritten_local_functions_and_lambdas()
    {
        var error = Fails("static int Twice(int n) =>\n    n * 2;\n\nFunc<int, int> half = static\n  n => n / 2;\nvars.Level = Twice(half(3));\nvars.Note = ticket.Title.Substring(99);");

        Assert.Equal(7, error.Line);
        Assert.StartsWith("Script failed: ", error.Message);
    }

    [Fact]
    public void An_exception_the_analyst_throws_reads_as_their_message() =>
        Assert.Equal("Script failed: No cost centre for Berlin (line 2)",
            Fails("if (form.Site == \"Berlin\")\n    throw new InvalidOperationException(\"No cost centre for \" + form.Site);").Message);

    [Fact]
    public void An_exception_inside_a_lambda_points_at_the_lambdas_line() =>
        Assert.Equal(2, Fails("var parsed = new[] { \"1\", \"x\" }\n    .Select(s => int.Parse(s))\n    .ToList();").Line);

    [Fact]
    public void A_failed_run_leaves_nothing_assigned_behind()
    {
        var script = Compile("vars.Note = \"half\"; vars.Level = 1 / ((int)vars.Level - 1);");
        var scope = Scope();

        Assert.Throws<ScriptRuntimeException>(() => script.Run(scope, Patient));
        Assert.Equal("first", scope.Vars["Note"]);
    }
}
