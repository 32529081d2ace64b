namespace LowCode.Forms.Schema;

/// <summary>
/// Computed fields may read other computed fields (subtotal, then tax, then total), so they are
/// evaluated in dependency order. Fields on a dependency cycle can never be evaluated and are
/// returned separately: the checker reports them, the validator skips them.
/// </summary>
public static class ComputedOrder
{
    public static (IReadOnlyList<FormField> Order, IReadOnlySet<string> Cyclic) Sort(IEnumerable<FormField> fields)
    {
        var computed = fields.Where(f => !string.IsNullOrWhiteSpace(f.Computed) && f.Key is not null)
            .GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = visiting, true = done
        var order = new List<FormField>();
        var cyclic = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string key, Stack<string> path)
        {
            if (state.TryGetValue(key, out var done))
            {
                if (!done) foreach (var k in path.TakeWhile(k => k != key).Append(key)) cyclic.Add(k);
                return;
            }
            state[key] = false;
            path.Push(key);
            foreach (var dependency in FieldReferences.Of(computed[key].Computed).Where(computed.ContainsKey).Order(StringComparer.Ordinal))
                Visit(dependency, path);
            path.Pop();
            state[key] = true;
            order.Add(computed[key]);
        }

        foreach (var key in computed.Keys) Visit(key, new Stack<string>());
        return (order.Where(f => !cyclic.Contains(f.Key)).ToList(), cyclic);
    }
}
