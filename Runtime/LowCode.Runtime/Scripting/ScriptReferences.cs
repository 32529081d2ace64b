using System.Collections.Immutable;
using LowCode.Runtime.Expressions;
using Microsoft.CodeAnalysis;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// The assemblies scripts compile against, loaded once (Roslyn caches their metadata per reference).
/// Assemblies holding forbidden APIs (console, HTTP, threads, processes) are referenced on purpose: references
/// do not make a sandbox, the allowlist does, and with them the sandbox can say "System.Console.WriteLine is
/// not allowed" instead of the compiler claiming the type does not exist.
/// </summary>
internal static class ScriptReferences
{
    private static readonly string[] PlatformAssemblies =
    [
        "System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Collections.Immutable", "System.Linq",
        "System.Memory", "System.Console", "System.Net.Http", "System.Net.Primitives", "System.Private.Uri",
        "System.Threading", "System.Threading.Thread", "System.Threading.Tasks", "System.Diagnostics.Process",
        "System.ComponentModel.Primitives", "System.Runtime.InteropServices",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> all = new(Load);

    public static ImmutableArray<MetadataReference> All => all.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .DistinctBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase) // the first one wins, as when loading
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase);
        var runtime = typeof(ExpressionScope).Assembly.Location;
        if (runtime.Length == 0)
            throw new InvalidOperationException("Scripts need LowCode.Runtime as a file on disk (single-file publishing is not supported).");

        return [
            .. PlatformAssemblies.Where(platform.ContainsKey).Select(name => MetadataReference.CreateFromFile(platform[name])),
            MetadataReference.CreateFromFile(runtime),
        ];
    }
}
