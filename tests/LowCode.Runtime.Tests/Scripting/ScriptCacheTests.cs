using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Scripting;
using Xunit;
using static LowCode.Runtime.Tests.Scripting.ScriptTestKit;

namespace LowCode.Runtime.Tests.Scripting;

public sealed class ScriptCacheTests
{
    [Fact]
    public void Same_code_and_schema_give_the_same_compiled_script()
    {
        var compiler = new ScriptCompiler();
        var first = compiler.Compile("vars.Level = 1;", Schema);
        var again = compiler.Compile("vars.Level = 1;", new ExpressionSchema(Schema.Form.Values, Schema.Variables.Values));

        Assert.Same(first.Script, again.Script);
    }

    [Fact]
    public void Other_code_or_another_schema_compile_anew()
    {
        var compiler = new ScriptCompiler();
        var first = compiler.Compile("vars.Level = 1;", Schema);
        var otherCode = compiler.Compile("vars.Level = 2;", Schema);
        var otherSchema = compiler.Compile("vars.Level = 1;", new ExpressionSchema([], [new("Level", DataType.Number)]));

        Assert.NotSame(first.Script, otherCode.Script);
        Assert.NotSame(first.Script, otherSchema.Script);
    }

    [Fact]
    public void Refused_scripts_are_cached_too()
    {
        var compiler = new ScriptCompiler();

        Assert.Same(compiler.Compile("vars.Level = ;", Schema), compiler.Compile("vars.Level = ;", Schema));
    }

    [Fact]
    public void Concurrent_compiles_of_one_script_share_one_compiled_script()
    {
        var compiler = new ScriptCompiler();

        var scripts = Enumerable.Range(0, 8).AsParallel().Select(_ => compiler.Compile("vars.Level = 7;", Schema).Script).ToList();

        Assert.All(scripts, script => Assert.Same(scripts[0], script));
    }

    [Fact]
    public void A_compiled_script_is_unloaded_once_nothing_references_it()
    {
        var context = CompileAndRunWithAFreshCompiler();

        for (var attempt = 0; context.IsAlive && attempt < 20; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileAndRunWithAFreshCompiler()
    {
        var script = new ScriptCompiler().Compile("vars.Level = form.Lines.Sum(\"Amount\");", Schema).Script!;
        Assert.Equal(300m, script.Run(Scope(), Patient).ChangedVariables["Level"]);
        return new WeakReference(AssemblyLoadContext.GetLoadContext(script.Assembly));
    }
}
