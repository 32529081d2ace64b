using LowCode.Runtime.Scripting;
using Xunit;
using static LowCode.Runtime.Tests.Scripting.ScriptTestKit;

namespace LowCode.Runtime.Tests.Scripting;

/// <summary>Hostile or runaway scripts stopped while running, with a message saying why.</summary>
public sealed class ScriptLimitsTests
{
    private static readonly ScriptLimits FewSteps = Generous with { MaxSteps = 10_000 };
    private static readonly ScriptLimits ShortTime = Generous with { MaxSteps = long.MaxValue, MaxDuration = TimeSpan.FromMilliseconds(50) };

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("while (true);")]
    [InlineData("for (;;) { }")]
    [InlineData("do { } while (true);")]
    [InlineData("foreach (var c in new string('x', 1_000_000)) { }")]
    [InlineData("var n = 0; Action spin = () => n++; while (n >= 0) spin();")]
    public void Stops_endless_loops_after_the_step_limit(string code) =>
        Assert.Equal("Script exceeded 10000 steps (possible infinite loop)", Fails(code, FewSteps).Message);

    [Fact]
    public void Stops_scripts_that_run_too_long() =>
        Assert.Equal("Script exceeded its time limit of 50 ms", Fails("var x = 0L; while (true) { x++; }", ShortTime).Message);

    [Theory]
    [InlineData("int Down(int n) => 1 + Down(n + 1); vars.Level = Down(0);")]
    [InlineData("Func<int, int> down = null; down = n => 1 + down(n + 1); vars.Level = down(0);")]
    [InlineData("void Fork() { try { Fork(); } catch { Fork(); } } Fork();")]
    [InlineData("int Retry(int n) { try { return Retry(n + 1); } catch (Exception) { throw; } } Retry(0);")]
    public void Stops_endless_recursion_before_the_stack_overflows(string code) =>
        Assert.Equal("Script recursed too deeply (possible infinite recursion)", Fails(code, Generous).Message);

    [Theory]
    [InlineData("var s = \"x\"; while (true) s += s;")]
    [InlineData("var rows = new List<string>(); while (true) rows.Add(new string('x', 1000));")]
    [InlineData("var sb = new StringBuilder(\"x\"); for (var i = 0; i < 40; i++) sb.Append(sb.ToString());")]
    public void Stops_memory_bombs_at_the_allocation_limit(string code) =>
        Assert.Equal("Script exceeded its memory limit of 32 MB", Fails(code).Message);

    [Theory]
    [InlineData("var a = new int[int.MaxValue];")]
    [InlineData("var n = int.MaxValue; var a = new long[n][];")]
    [InlineData("var s = new string('x', int.MaxValue);")]
    [InlineData("var l = new List<decimal>(int.MaxValue);")]
    [InlineData("var sb = new StringBuilder(); sb.Append('x', int.MaxValue);")]
    [InlineData("var l = new List<int>(); l.Capacity = int.MaxValue;")]
    [InlineData("vars.Note = \"x\".PadLeft(int.MaxValue);")]
    [InlineData("vars.Level = Enumerable.Range(0, int.MaxValue).Count();")]
    public void Refuses_huge_allocations_before_they_happen(string code) =>
        Assert.Equal("Script asked for 2147483647 items at once; the limit is 2097152", Fails(code).Message);

    [Theory]
    [InlineData("try { while (true) { } } catch { } vars.Note = \"escaped\";")]
    [InlineData("while (true) { try { while (true) { } } catch (Exception) { } }")]
    [InlineData("try { while (true) { } } catch (Exception e) when (e.Message.Length > 0) { }")]
    public void A_broken_limit_cannot_be_caught(string code) =>
        Assert.Equal("Script exceeded 10000 steps (possible infinite loop)", Fails(code, FewSteps).Message);

    [Fact]
    public void Stops_lazy_queries_nested_so_deep_that_running_them_would_overflow_the_stack() =>
        Assert.StartsWith("Script nested LINQ queries more than 256 deep",
            Fails("IEnumerable<int> s = [1]; for (var i = 0; i < 100_000; i++) s = s.Select(x => x); vars.Level = s.Sum();", Generous).Message);

    [Theory]
    [InlineData("IEnumerable<int> s = [1]; for (var i = 0; i < 64; i++) s = s.Concat(s); vars.Level = s.Sum();")]
    [InlineData("IEnumerable<int> s = [1]; for (var i = 0; i < 64; i++) s = from x in s.Concat(s) select x; vars.Level = s.Sum();")]
    public void Stops_lazy_queries_that_would_run_for_ages_inside_the_library(string code) =>
        Assert.Equal("Script built a LINQ query that would take more than 1000000 steps to run", Fails(code).Message);

    [Fact]
    public void Stops_a_cross_join_that_would_run_for_ages()
    {
        var error = Fails("var r = Enumerable.Range(0, 100_000); vars.Level = (from a in r from b in r select a + b).Count();", ScriptLimits.Default);

        Assert.Matches("^Script exceeded (its time limit|1000000 steps)", error.Message);
    }

    [Fact]
    public void Huge_queries_built_without_loops_are_stopped_as_well() =>
        Assert.Equal("Script built a LINQ query that would take more than 10000 steps to run",
            Fails("vars.Level = Enumerable.Range(0, 1000).Concat(Enumerable.Range(0, 20000)).Sum();", FewSteps).Message);
}
