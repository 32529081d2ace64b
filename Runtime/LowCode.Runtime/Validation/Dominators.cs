namespace LowCode.Runtime.Validation;

/// <summary>Immediate dominators (Cooper, Harvey and Kennedy's iterative algorithm) of a flow graph.</summary>
internal static class Dominators
{
    public static Dictionary<string, string> Compute(string start,
        IReadOnlyDictionary<string, List<string>> successors, IReadOnlyDictionary<string, List<string>> predecessors)
    {
        var order = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        PostOrder(start, successors, visited, order);
        order.Reverse();
        var index = order.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);

        var idom = new Dictionary<string, string>(StringComparer.Ordinal) { [start] = start };
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var node in order.Skip(1))
            {
                string? candidate = null;
                foreach (var p in predecessors[node])
                {
                    if (!idom.ContainsKey(p)) continue;
                    candidate = candidate is null ? p : Intersect(p, candidate, idom, index);
                }
                if (candidate is not null && (!idom.TryGetValue(node, out var old) || old != candidate))
                {
                    idom[node] = candidate;
                    changed = true;
                }
            }
        }
        return idom;
    }

    private static string Intersect(string a, string b, Dictionary<string, string> idom, Dictionary<string, int> index)
    {
        while (a != b)
        {
            while (index[a] > index[b]) a = idom[a];
            while (index[b] > index[a]) b = idom[b];
        }
        return a;
    }

    private static void PostOrder(string start, IReadOnlyDictionary<string, List<string>> successors, HashSet<string> visited, List<string> order)
    {
        // Iterative DFS so that a 10,000-node chain cannot overflow the stack.
        var stack = new Stack<(string Node, int Next)>();
        visited.Add(start);
        stack.Push((start, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var children = successors[node];
            if (next < children.Count)
            {
                stack.Push((node, next + 1));
                if (visited.Add(children[next])) stack.Push((children[next], 0));
            }
            else order.Add(node);
        }
    }
}

/// <summary>Strongly connected components (Tarjan, iterative).</summary>
internal static class StronglyConnected
{
    public static List<List<string>> Components(IEnumerable<string> nodes, IReadOnlyDictionary<string, List<string>> successors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        var counter = 0;
        foreach (var root in nodes)
        {
            if (index.ContainsKey(root)) continue;
            var work = new Stack<(string Node, int Next)>();
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                if (next == 0)
                {
                    index[node] = low[node] = counter++;
                    stack.Push(node);
                    onStack.Add(node);
                }
                var children = successors[node];
                if (next < children.Count)
                {
                    work.Push((node, next + 1));
                    var child = children[next];
                    if (!index.ContainsKey(child)) work.Push((child, 0));
                    else if (onStack.Contains(child)) low[node] = Math.Min(low[node], index[child]);
                    continue;
                }
                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do { member = stack.Pop(); onStack.Remove(member); component.Add(member); } while (member != node);
                    result.Add(component);
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }
        return result;
    }
}
