using System.Collections.Immutable;

namespace LowCode.Runtime.Execution;

/// <summary>
/// A list that reads from an immutable array and copies it only on the first change, so a
/// transition that leaves (say) the incidents alone allocates nothing for them. A mutable struct:
/// keep it in a field and never copy it.
/// </summary>
internal struct CopyOnWriteList<T>(ImmutableArray<T> original) where T : class
{
    private ImmutableArray<T> _original = original;
    private List<T>? _changed;

    public readonly int Count => _changed?.Count ?? _original.Length;
    public T this[int index]
    {
        readonly get => _changed is null ? _original[index] : _changed[index];
        set => Writable()[index] = value;
    }

    public void Add(T item) => Writable().Add(item);
    public void RemoveAt(int index) => Writable().RemoveAt(index);
    public void Clear()
    {
        _original = [];
        _changed = null;
    }

    public readonly int FindIndex(Predicate<T> match)
    {
        for (var i = 0; i < Count; i++) if (match(this[i])) return i;
        return -1;
    }

    public readonly T? Find(Predicate<T> match)
    {
        var i = FindIndex(match);
        return i < 0 ? null : this[i];
    }

    public bool Remove(T item)
    {
        var i = FindIndex(x => ReferenceEquals(x, item));
        if (i < 0) return false;
        RemoveAt(i);
        return true;
    }

    public int RemoveAll(Predicate<T> match)
    {
        var removed = 0;
        for (var i = Count - 1; i >= 0; i--)
            if (match(this[i])) { RemoveAt(i); removed++; }
        return removed;
    }

    public readonly List<T> Where(Func<T, bool> predicate)
    {
        var list = new List<T>();
        for (var i = 0; i < Count; i++) if (predicate(this[i])) list.Add(this[i]);
        return list;
    }

    public readonly bool Any(Func<T, bool> predicate)
    {
        for (var i = 0; i < Count; i++) if (predicate(this[i])) return true;
        return false;
    }

    public readonly List<T> ToList()
    {
        var list = new List<T>(Count);
        for (var i = 0; i < Count; i++) list.Add(this[i]);
        return list;
    }

    public readonly ImmutableArray<T> ToImmutable() => _changed is null ? _original : [.. _changed];

    private List<T> Writable() => _changed ??= [.. _original];
}
