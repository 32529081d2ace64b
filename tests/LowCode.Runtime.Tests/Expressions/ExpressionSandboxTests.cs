using LowCode.Runtime.Expressions;
using Xunit;

namespace LowCode.Runtime.Tests.Expressions;

/// <summary>Hostile expressions: every one is refused at compile time or stopped with a clear error.</summary>
public sealed class ExpressionSandboxTests
{
    private static readonly ExpressionCompiler Compiler = ExpressionCompiler.For(ExpressionTests.Schema);

    [Theory]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\")")]
    [InlineData("File.ReadAllText(\"/etc/passwd\")")]
    [InlineData("System.IO.Directory.GetFiles(\"/\")")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\")")]
    [InlineData("Environment.Exit(1)")]
    [InlineData("Environment.GetEnvironmentVariable(\"PATH\")")]
    [InlineData("Type.GetType(\"System.IO.File\")")]
    [InlineData("\"x\".GetType()")]
    [InlineData("\"x\".GetType().Assembly")]
    [InlineData("typeof(string)")]
    [InlineData("typeof(string).Assembly.Location")]
    [InlineData("Activator.CreateInstance(typeof(object))")]
    [InlineData("AppDomain.CurrentDomain")]
    [InlineData("new System.Net.Http.HttpClient()")]
    [InlineData("System.Threading.Thread.Sleep(100000)")]
    [InlineData("GC.Collect()")]
    [InlineData("Console.WriteLine(\"x\")")]
    [InlineData("DateTime.Now")]
    [InlineData("DateTimeOffset.UtcNow > now")]
    [InlineData("\"a\".PadLeft(2000000000)")]
    [InlineData("new string('a', 2000000000)")]
    [InlineData("\"ab\".Replace(\"a\", \"aaaaaaaaaaaaaaaa\").Replace(\"a\", \"aaaaaaaaaaaaaaaa\")")]
    [InlineData("String.Join(\",\", form.Site)")]
    [InlineData("Convert.ChangeType(form.Site, typeof(int))")]
    [InlineData("form.Amount = 0")]
    [InlineData("vars.level = 99")]
    [InlineData("ticket.Priority = \"P1\"")]
    [InlineData("scope.Form")]
    [InlineData("Math.GetType()")]
    [InlineData("agent.GetType().GetProperty(\"Id\")")]
    public void Is_refused_at_compile_time(string hostile)
    {
        var result = Compiler.Compile(hostile);
        Assert.False(result.Succeeded, $"'{hostile}' should be refused");
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Deeply_nested_text_is_refused_before_parsing()
    {
        var text = new string('(', 5000) + "1" + new string(')', 5000);
        var error = Assert.Single(Compiler.Compile(text).Errors);
        Assert.Contains("longer than", error.Message);

        var nested = new string('(', 200) + "1" + new string(')', 200);
        Assert.Contains("nests deeper", Assert.Single(Compiler.Compile(nested).Errors).Message);
    }

    [Fact]
    public void Catastrophic_regex_is_stopped_by_its_time_bound()
    {
        var compiled = Compiler.Compile("Matches(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"^(a+)+$\")").Expression!;
        var e = Assert.Throws<ExpressionRuntimeException>(() => compiled.Evaluate(ExpressionTests.Scope()));
        Assert.Contains("took longer than", e.Message);
    }

    [Fact]
    public void Assignment_through_context_objects_cannot_mutate_them()
    {
        var scope = ExpressionTests.Scope();
        Assert.False(Compiler.Compile("agent.OpenTasks = 0").Succeeded);
        Assert.False(Compiler.Compile("requester.Roles.Items.Clear()").Succeeded);
        Assert.Equal(2, scope.Agent.OpenTasks);
    }
}
