namespace LowCode.Runtime.Scripting;

/// <summary>
/// LINQ queries are lazy: a loop can stack thousands of <c>Where</c>/<c>Select</c> layers, or double a
/// <c>Concat</c> again and again, and a single <c>Sum()</c> then runs inside the library, where no
/// <see cref="Tick"/> can stop it and deep nesting overflows the stack (which kills the process).
/// So every <c>Enumerable</c> call is bracketed by <see cref="BeginQuery"/> / <see cref="EndQuery{T}"/>, its
/// sequence arguments pass through <see cref="QuerySource{T}"/>, and each lazy result remembers how deep it
/// is nested, how many items it can yield and how much work enumerating it costs.
/// </summary>
public sealed partial class ScriptBudget
{
    /// <summary>Comfortably inside the stack head-room <see cref="Check"/> insists on.</summary>
    internal const int MaxQueryDepth = 256;

    private static readonly System.Reflection.Assembly LinqAssembly = typeof(Enumerable).Assembly;

    private readonly record struct QueryShape(int Depth, long Items, long Cost);

    private readonly Dictionary<object, QueryShape> lazyQueries = new(ReferenceEqualityComparer.Instance);
    private readonly List<QueryShape> openQueries = [];

    /// <summary>Opens a query being built; returns its position to hand to <see cref="EndQuery{T}"/>.</summary>
    public int BeginQuery()
    {
        openQueries.Add(default);
        return openQueries.Count - 1;
    }

    /// <summary>Notes a sequence the open query reads.</summary>
    public T QuerySource<T>(T source)
    {
        if (openQueries.Count == 0 || source is null) return source;
        var shape = lazyQueries.TryGetValue(source, out var known) ? known
            : new QueryShape(0, source switch { System.Collections.ICollection c => c.Count, string s => s.Length, _ => 0 }, 0);
        var open = openQueries[^1];
        openQueries[^1] = new(Math.Max(open.Depth, shape.Depth), open.Items + shape.Items, open.Cost + shape.Cost);
        return source;
    }

    /// <summary>Closes the query at <paramref name="position"/>; a lazy result is measured and remembered.</summary>
    public T EndQuery<T>(int position, T result)
    {
        if (position < 0 || position >= openQueries.Count) return result;
        var open = openQueries[position];
        openQueries.RemoveRange(position, openQueries.Count - position);
        Check();
        if (result is null || result.GetType().Assembly != LinqAssembly || lazyQueries.ContainsKey(result)) return result;

        var shape = new QueryShape(open.Depth + 1, open.Items, open.Cost + open.Items);
        if (shape.Depth > MaxQueryDepth)
            Break($"Script nested LINQ queries more than {MaxQueryDepth} deep; call ToList() to materialize a query built in a loop");
        if (shape.Cost > limits.MaxSteps)
            Break($"Script built a LINQ query that would take more than {limits.MaxSteps} steps to run");
        lazyQueries[result] = shape;
        return result;
    }

    private void AddQueryItems(long items)
    {
        if (openQueries.Count > 0) openQueries[^1] = openQueries[^1] with { Items = openQueries[^1].Items + items };
    }
}
