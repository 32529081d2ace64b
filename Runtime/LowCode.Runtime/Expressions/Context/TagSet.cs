using System.Collections.Immutable;

namespace LowCode.Runtime.Expressions.Context;

/// <summary>A read-only list of strings as expressions see it: multi-select values, skills, roles, teams.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(LowCode.Runtime.Json.TagSetConverter))]
public sealed class TagSet(IEnumerable<string> items)
{
    public static readonly TagSet Empty = new([]);

    public ImmutableArray<string> Items { get; } = [.. items];

    public int Count => Items.Length;
    public bool Contains(string value) => Items.Contains(value, StringComparer.OrdinalIgnoreCase);
    public bool ContainsAny(string a, string b) => Contains(a) || Contains(b);
    public bool IsEmpty => Items.IsEmpty;
    public string First => Items.IsEmpty ? "" : Items[0];
    public override string ToString() => string.Join(", ", Items);
}
