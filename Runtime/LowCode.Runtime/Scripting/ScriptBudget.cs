using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// The bounds of one script run, enforced by calls the compiler weaves into the analyst's code:
/// <see cref="Tick"/> starts every loop body, lambda, local function and catch block and counts a step;
/// <see cref="Check"/> precedes every statement and watches the clock, the bytes allocated and the stack.
/// Once a bound is broken every later call throws again, so a script cannot catch its way past it.
/// Public only because generated code calls it; the sandbox does not let analysts' code name it.
/// </summary>
public sealed partial class ScriptBudget
{
    private readonly ScriptLimits limits;
    private readonly long deadline;
    private readonly long allocatedAtStart;
    private readonly long maxItems;
    private long steps;

    internal ScriptBudget(ScriptLimits limits)
    {
        this.limits = limits;
        var start = Stopwatch.GetTimestamp();
        var allowed = limits.MaxDuration.TotalSeconds * Stopwatch.Frequency;
        deadline = allowed < long.MaxValue - start ? start + (long)allowed : long.MaxValue;
        allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        // Sizes asked of a string, collection or array at once: 16 bytes an item fits any element type but large structs.
        maxItems = Math.Max(1, limits.MaxAllocatedBytes / 16);
    }

    /// <summary>The bound that was broken, if any (the script may have caught the exception).</summary>
    internal ScriptRuntimeException? Broken { get; private set; }

    public void Tick()
    {
        if (Broken is not null) throw Broken;
        if (++steps > limits.MaxSteps) Break($"Script exceeded {limits.MaxSteps} steps (possible infinite loop)");
        Check();
    }

    /// <summary>A step inside an expression (a query's inner source): ticks and passes the value through.</summary>
    public T Tick<T>(T value)
    {
        Tick();
        return value;
    }

    public void Check()
    {
        if (Broken is not null) throw Broken;
        if (Stopwatch.GetTimestamp() > deadline)
            Break($"Script exceeded its time limit of {limits.MaxDuration.TotalMilliseconds:0} ms");
        if (GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart > limits.MaxAllocatedBytes)
            Break($"Script exceeded its memory limit of {limits.MaxAllocatedBytes / 1024d / 1024d:0.##} MB");
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            Break("Script recursed too deeply (possible infinite recursion)");
    }

    /// <summary>The filter on every catch in a script: a broken bound is not the script's to catch.</summary>
    public bool CanCatch() => Broken is null;

    /// <summary>Guards a size the script asks of an array, string or collection before it is allocated.</summary>
    public T Size<T>(T count) where T : IBinaryInteger<T>
    {
        var items = long.CreateSaturating(count);
        if (items > maxItems) Break($"Script asked for {items} items at once; the limit is {maxItems}");
        AddQueryItems(items);
        return count;
    }

    [DoesNotReturn]
    private void Break(string message)
    {
        Broken = new ScriptRuntimeException(message);
        throw Broken;
    }
}
