using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LowCode.Runtime.Expressions;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// Compiles script nodes' C# into sandboxed, budgeted delegates. Thread-safe; results (failures too) are
/// cached by a SHA-256 of the code and the schema fingerprint, so a script is compiled once per schema.
/// </summary>
public sealed class ScriptCompiler
{
    private readonly ConcurrentDictionary<string, Lazy<ScriptCompileResult>> cache = new(StringComparer.Ordinal);

    public ScriptCompileResult Compile(string code, ExpressionSchema schema)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(schema);
        var key = CacheKey(code, schema);
        return cache.GetOrAdd(key, _ => new Lazy<ScriptCompileResult>(() => ScriptBuild.Compile(code, schema, key))).Value;
    }

    private static string CacheKey(string code, ExpressionSchema schema) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{code}\0{schema.Fingerprint}")));
}
