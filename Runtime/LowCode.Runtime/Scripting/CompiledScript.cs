using System.Diagnostics;
using System.Globalization;
using LowCode.Runtime.Expressions;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// A sandboxed script, ready to run any number of times, concurrently: each run gets its own
/// <see cref="ScriptBudget"/> and its own view of the scope, and runs synchronously on the calling thread,
/// under the invariant culture.
/// </summary>
public sealed class CompiledScript
{
    private readonly Action<ScriptHost> entry;
    private readonly ExpressionSchema schema;

    internal CompiledScript(Action<ScriptHost> entry, ExpressionSchema schema)
    {
        this.entry = entry;
        this.schema = schema;
    }

    /// <summary>The script's own assembly, loaded in a collectible context of its own.</summary>
    internal System.Reflection.Assembly Assembly => entry.Method.Module.Assembly;

    /// <exception cref="ScriptRuntimeException">The script threw or went over a limit.</exception>
    public ScriptRunResult Run(ExpressionScope scope, ScriptLimits limits)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(limits);
        var budget = new ScriptBudget(limits);
        var host = new ScriptHost(schema, scope, budget);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // "1,250.50" on every server, like the rest of the expression layer
            entry(host);
            budget.Check(); // one last allocation past the limit still fails the run
        }
        catch (Exception error)
        {
            throw Failure(error, budget);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        return new(host.Changes());
    }

    private ScriptRuntimeException Failure(Exception error, ScriptBudget budget)
    {
        var line = ScriptLine(error);
        return budget.Broken is { } broken ? new(broken.Message, line, error)
            : error switch
            {
                InsufficientExecutionStackException => new("Script recursed too deeply (possible infinite recursion)", line, error),
                OutOfMemoryException => new("Script ran out of memory", line, error),
                _ => new($"Script failed: {error.Message}{(line is { } at ? $" (line {at})" : "")}", line, error),
            };
    }

    /// <summary>The analyst's line that was running: the innermost frame of the script's own code.</summary>
    private int? ScriptLine(Exception error)
    {
        var script = Assembly;
        return new StackTrace(error, fNeedFileInfo: true).GetFrames()
            .Where(frame => frame.GetMethod()?.Module.Assembly == script && frame.GetFileName() == ScriptSource.FileName)
            .Select(frame => frame.GetFileLineNumber())
            .Where(line => line > 0)
            .Select(line => (int?)line)
            .FirstOrDefault();
    }
}
