using System.Collections.Immutable;
using LowCode.Runtime.Scripting;
using Xunit;
using static LowCode.Runtime.Tests.Scripting.ScriptTestKit;

namespace LowCode.Runtime.Tests.Scripting;

public sealed class ScriptWritesTests
{
    [Fact]
    public void Assigned_variables_come_back_in_stored_form()
    {
        var changed = Run("""
            vars.Level = 3;
            vars.Cost = 19.99m;
            vars.Note = "ok";
            vars.Approved = true;
            vars.Deadline = now.AddDays(2);
            vars.Labels = new TagSet(["a", "b"]);
            vars.Rows = form.Lines;
            vars.Assignee = null;
            """);

        Assert.Equal(3m, changed["Level"]);
        Assert.Equal(19.99m, changed["Cost"]);
        Assert.Equal("ok", changed["Note"]);
        Assert.Equal(true, changed["Approved"]);
        Assert.Equal("2025-03-05T09:30:00.0000000+00:00", changed["Deadline"]);
        Assert.Equal<object?>(["a", "b"], (ImmutableArray<object?>)changed["Labels"]!);
        Assert.Equal([Row("Chair", 100m), Row("Desk", 200m)], ((ImmutableArray<object?>)changed["Rows"]!).Cast<ImmutableDictionary<string, object?>>());
        Assert.Null(changed["Assignee"]);
    }

    [Fact]
    public void Only_variables_the_script_assigned_are_returned()
    {
        var changed = Run("var level = vars.Level; vars.Note = vars.Note; if (level > 100) vars.Approved = true;");

        Assert.Equal(["Note"], changed.Keys);
        Assert.Equal("first", changed["Note"]);
    }

    [Fact]
    public void Scripts_that_assign_nothing_return_no_changes() =>
        Assert.Empty(Run("var total = form.Lines.Sum(\"Amount\");"));

    [Fact]
    public void Concurrent_runs_of_one_script_keep_their_own_variables()
    {
        var script = Compile("var sum = 0m; for (var i = 0; i < 1000; i++) sum += form.Amount; vars.Level = sum;");

        var results = Enumerable.Range(1, 16).AsParallel().Select(n =>
        {
            var scope = Scope();
            scope.Form = scope.Form.SetItem("Amount", (decimal)n);
            return (n, level: script.Run(scope, Patient).ChangedVariables["Level"]);
        }).ToList();

        Assert.All(results, r => Assert.Equal(r.n * 1000m, r.level));
    }
}
