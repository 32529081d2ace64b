using Xunit;
using static LowCode.Runtime.Tests.Scripting.ScriptTestKit;

namespace LowCode.Runtime.Tests.Scripting;

/// <summary>Hostile scripts refused at compile time, each with a diagnostic naming what it reached for.</summary>
public sealed class ScriptSandboxTests
{
    [Theory]
    // Files, processes, environment
    [InlineData("var text = File.ReadAllText(\"/etc/passwd\");", "System.IO.File.ReadAllText")]
    [InlineData("System.IO.File.WriteAllText(\"/tmp/owned\", \"x\");", "System.IO.File.WriteAllText")]
    [InlineData("var files = Directory.GetFiles(\"/\");", "System.IO.Directory.GetFiles")]
    [InlineData("Process.Start(\"sh\", \"-c reboot\");", "System.Diagnostics.Process.Start")]
    [InlineData("Environment.Exit(1);", "System.Environment.Exit")]
    [InlineData("vars.Note = Environment.GetEnvironmentVariable(\"DB_PASSWORD\");", "System.Environment.GetEnvironmentVariable")]
    [InlineData("Console.WriteLine(\"hello\");", "System.Console.WriteLine")]
    // Reflection
    [InlineData("var type = Type.GetType(\"System.IO.File\");", "System.Type.GetType")]
    [InlineData("var assembly = \"\".GetType().Assembly;", "System.Object.GetType")]
    [InlineData("var assembly = typeof(string).Assembly;", "typeof")]
    [InlineData("var instance = Activator.CreateInstance<object>();", "System.Activator.CreateInstance")]
    [InlineData("var domain = AppDomain.CurrentDomain;", "System.AppDomain.CurrentDomain")]
    [InlineData("var me = System.Reflection.Assembly.GetExecutingAssembly();", "System.Reflection.Assembly.GetExecutingAssembly")]
    [InlineData("Func<int> f = () => 1; var method = f.Method;", "System.Delegate.Method")]
    [InlineData("try { } catch (Exception e) { var site = e.TargetSite; }", "System.Exception.TargetSite")]
    // Network, threads, native memory, runtime internals
    [InlineData("var client = new System.Net.Http.HttpClient();", "System.Net.Http.HttpClient")]
    [InlineData("var thread = new System.Threading.Thread(() => { });", "System.Threading.Thread")]
    [InlineData("Task.Run(() => 1);", "System.Threading.Tasks.Task.Run")]
    [InlineData("Thread.Sleep(10000);", "System.Threading.Thread.Sleep")]
    [InlineData("var memory = System.Runtime.InteropServices.Marshal.AllocHGlobal(1 << 30);", "System.Runtime.InteropServices.Marshal.AllocHGlobal")]
    [InlineData("var size = System.Runtime.CompilerServices.Unsafe.SizeOf<int>();", "System.Runtime.CompilerServices.Unsafe.SizeOf")]
    [InlineData("GC.Collect();", "System.GC.Collect")]
    [InlineData("var culture = System.Globalization.CultureInfo.CurrentCulture;", "System.Globalization.CultureInfo.CurrentCulture")]
    [InlineData("var lazy = new Lazy<int>(() => 1);", "System.Lazy")]
    [InlineData("nint handle = 0;", "nint")]
    // Language features
    [InlineData("dynamic d = form; d.Anything();", "dynamic")]
    [InlineData("unsafe { int x = 1; int* p = &x; }", "unsafe")]
    [InlineData("var span = stackalloc int[16];", "stackalloc")]
    [InlineData("again: vars.Level = 1; goto again;", "goto")]
    [InlineData("int x = 0; var reference = __makeref(x);", "__makeref")]
    [InlineData("[System.Obsolete] void F() { } F();", "attribute")]
    [InlineData("extern static void F();", "extern")]
    [InlineData("async void F() { } F();", "async")]
    [InlineData("lock (form) { vars.Level = 1; }", "lock")]
    [InlineData("var grid = new int[2, 2];", "[,]")]
    [InlineData("void Dig() { try { Dig(); } finally { Dig(); } } Dig();", "finally")]
    [InlineData("for (var i = 0; ; i++) string.Intern(i.ToString());", "System.String.Intern")]
    [InlineData("int Nest<T>(int n) => n == 0 ? 0 : Nest<List<T>>(n - 1); Nest<int>(1000);", "generic local function")]
    [InlineData("vars.Note = $\"{1,1000000000}\";", "alignment")]
    // Anything that would make a run unrepeatable
    [InlineData("vars.Deadline = DateTimeOffset.UtcNow.AddDays(1);", "System.DateTimeOffset.UtcNow")]
    [InlineData("vars.Note = DateTime.Now.ToString();", "System.DateTime.Now")]
    [InlineData("vars.Note = Guid.NewGuid().ToString();", "System.Guid.NewGuid")]
    [InlineData("vars.Level = \"abc\".GetHashCode();", "System.String.GetHashCode")]
    [InlineData("var random = new Random(); vars.Level = random.Next();", "System.Random")]
    // The generated plumbing
    [InlineData("__budget.Tick();", "__budget")]
    [InlineData("Body(form, vars, ticket, requester, agent, now, null);", "LowCodeScript.Script.Body")]
    [InlineData("var other = new ScriptForm(null);", "LowCodeScript.ScriptForm")]
    // Ways around the LINQ guard
    [InlineData("Func<IEnumerable<int>, IEnumerable<int>> reverse = Enumerable.Reverse; ", "System.Linq.Enumerable.Reverse")]
    [InlineData("IEnumerable<int> s = null; var t = s?.Select(x => x);", "System.Linq.Enumerable.Select")]
    public void Refuses_hostile_code_naming_what_it_reached_for(string code, string symbol)
    {
        var errors = Errors(code);

        var error = Assert.Single(errors, e => e.Symbol == symbol);
        Assert.Matches("not allowed|reserved", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Points_at_the_forbidden_call_in_the_analysts_code()
    {
        var error = Assert.Single(Errors("vars.Level = 1;\nif (form.Urgent)\n    vars.Note = System.IO.File.ReadAllText(\"/etc/hosts\");"));

        Assert.Equal(new("System.IO.File.ReadAllText is not allowed in scripts", 3, 17, "System.IO.File.ReadAllText"), error);
    }

    [Theory]
    [InlineData("object nest = 0; for (var i = 0; i < 100_000; i++) nest = (nest, i); vars.Note = nest.ToString();")]
    [InlineData("object nest = 0; for (var i = 0; i < 100_000; i++) nest = new { Inner = nest }; vars.Note = nest.ToString();")]
    [InlineData("object nest = 0; for (var i = 0; i < 100_000; i++) nest = KeyValuePair.Create(nest, i); vars.Level = nest.GetHashCode();")]
    [InlineData("IComparable nest = 0; for (var i = 0; i < 100_000; i++) nest = ValueTuple.Create(nest); vars.Approved = nest.Equals(nest);")]
    public void Refuses_tuples_that_could_nest_without_bound(string code) =>
        Assert.Contains(Errors(code), e => e.Line == 1 && e.Message.Contains("could nest without bound"));
}
