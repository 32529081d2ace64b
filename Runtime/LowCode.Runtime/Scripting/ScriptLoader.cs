using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// Emits a script into its own collectible <see cref="AssemblyLoadContext"/> (unloaded once the
/// <see cref="CompiledScript"/> is no longer referenced) and binds its entry point to a delegate once.
/// </summary>
internal static class ScriptLoader
{
    private static readonly EmitOptions Options = new(debugInformationFormat: DebugInformationFormat.PortablePdb);

    public static Action<ScriptHost> Load(CSharpCompilation compilation)
    {
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream(); // line numbers for runtime errors
        var emitted = compilation.Emit(assembly, symbols, options: Options);
        if (!emitted.Success)
            throw new InvalidOperationException("Generated script code failed to compile: "
                + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));

        assembly.Position = symbols.Position = 0;
        var loaded = new ScriptLoadContext().LoadFromStream(assembly, symbols);
        return loaded.GetType($"{ScriptSource.Namespace}.{ScriptSource.EntryType}", throwOnError: true)!
            .GetMethod("Run")!.CreateDelegate<Action<ScriptHost>>();
    }

    /// <summary>Resolves LowCode.Runtime to the very assembly the host runs, wherever that was loaded.</summary>
    private sealed class ScriptLoadContext() : AssemblyLoadContext("LowCode script", isCollectible: true)
    {
        private static readonly Assembly Runtime = typeof(ScriptHost).Assembly;

        protected override Assembly? Load(AssemblyName name) => name.Name == Runtime.GetName().Name ? Runtime : null;
    }
}
