using System.Collections.Frozen;
using Microsoft.CodeAnalysis;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// What a script may touch. A type is allowed when it is listed, lies in an allowed namespace, is nested in an
/// allowed type, or is one of the generated form/vars types — and all its type arguments are allowed.
/// A member is allowed when its type is, it is not denied, and every type in its signature is allowed
/// (so nothing can hand out a <c>Type</c>, <c>MethodInfo</c> or <c>Task</c>). Anything else is refused.
/// </summary>
internal static class ScriptAllowlist
{
    private static readonly FrozenSet<string> Types = FrozenSet.ToFrozenSet(
    [
        // Values and text
        "System.Object", "System.String", "System.Boolean", "System.Char", "System.Byte", "System.SByte",
        "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64",
        "System.Single", "System.Double", "System.Decimal", "System.Void", "System.ValueType", "System.Nullable", "System.Nullable`1",
        "System.Math", "System.MathF", "System.Convert", "System.MidpointRounding", "System.Enum",
        "System.Guid", "System.Index", "System.Range", "System.Span`1", "System.ReadOnlySpan`1", "System.MemoryExtensions",
        "System.StringComparison", "System.StringComparer", "System.StringSplitOptions", "System.Text.StringBuilder",
        "System.IComparable", "System.IComparable`1", "System.IEquatable`1", "System.IFormattable", "System.IFormatProvider",
        "System.IDisposable", "System.Globalization.NumberStyles", "System.Globalization.DateTimeStyles",
        // Time
        "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly",
        "System.DayOfWeek", "System.DateTimeKind",
        // Tuples and delegates for lambdas
        "System.ValueTuple", "System.ValueTuple`1", "System.ValueTuple`2", "System.ValueTuple`3", "System.ValueTuple`4",
        "System.ValueTuple`5", "System.ValueTuple`6", "System.ValueTuple`7", "System.ValueTuple`8",
        "System.Action", "System.Predicate`1", "System.Comparison`1", "System.Converter`2",
        .. Enumerable.Range(1, 16).Select(n => $"System.Action`{n}"),
        .. Enumerable.Range(1, 17).Select(n => $"System.Func`{n}"),
        // Exceptions a script may throw or catch
        "System.Exception", "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException",
        "System.InvalidOperationException", "System.FormatException", "System.OverflowException", "System.DivideByZeroException",
        "System.NotSupportedException", "System.IndexOutOfRangeException", "System.Collections.Generic.KeyNotFoundException",
        // Collections and LINQ
        "System.Collections.IEnumerable", "System.Collections.IEnumerator",
        "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.KeyValuePair", "System.Collections.Generic.KeyValuePair`2", "System.Collections.Generic.CollectionExtensions",
        "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IEnumerator`1",
        "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1", "System.Collections.Generic.ISet`1",
        "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.IReadOnlySet`1", "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Generic.IEqualityComparer`1",
        "System.Collections.Generic.IComparer`1", "System.Collections.Generic.EqualityComparer`1", "System.Collections.Generic.Comparer`1",
        "System.Linq.Enumerable", "System.Linq.IGrouping`2", "System.Linq.ILookup`2", "System.Linq.IOrderedEnumerable`1", "System.Linq.Lookup`2",
        // Read-only collections the ticket context hands out (e.g. agent.SkillLevels)
        "System.Collections.Immutable.ImmutableArray", "System.Collections.Immutable.ImmutableArray`1",
        "System.Collections.Immutable.ImmutableDictionary", "System.Collections.Immutable.ImmutableDictionary`2",
        "System.Collections.Immutable.ImmutableList", "System.Collections.Immutable.ImmutableList`1",
        "System.Collections.Immutable.ImmutableHashSet", "System.Collections.Immutable.ImmutableHashSet`1",
        "System.Collections.Immutable.IImmutableList`1", "System.Collections.Immutable.IImmutableDictionary`2",
        "System.Collections.Immutable.IImmutableSet`1",
    ]);

    private static readonly FrozenSet<string> Namespaces = FrozenSet.ToFrozenSet(["LowCode.Runtime.Expressions.Context"]);

    /// <summary>Types of which only some members are allowed (arrays' base type, cultures for formatting).</summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> SomeMembers = new Dictionary<string, FrozenSet<string>>
    {
        ["System.Array"] = FrozenSet.ToFrozenSet(
        [
            "Length", "LongLength", "Rank", "GetLength", "IndexOf", "LastIndexOf", "Exists", "Find", "FindIndex", "FindLast",
            "FindAll", "TrueForAll", "ConvertAll", "ForEach", "Sort", "Reverse", "BinarySearch", "Empty", "Clear", "Copy", "Fill",
        ]),
        ["System.Globalization.CultureInfo"] = FrozenSet.ToFrozenSet(["InvariantCulture", "GetCultureInfo", "Name"]),
    }.ToFrozenDictionary();

    /// <summary>
    /// Members of allowed types that are refused anyway. The clock, new GUIDs and hash codes would make a run
    /// unrepeatable (the interpreter is deterministic; scripts read the time as <c>now</c>).
    /// </summary>
    private static readonly FrozenSet<string> DeniedMembers = FrozenSet.ToFrozenSet(
    [
        "System.Object.GetType",
        "System.String.Intern", // the intern pool lives as long as the process
        "System.DateTime.Now", "System.DateTime.UtcNow", "System.DateTime.Today", "System.DateTimeOffset.Now", "System.DateTimeOffset.UtcNow",
        "System.Guid.NewGuid", "System.Guid.CreateVersion7", "System.Object.GetHashCode", "System.String.GetHashCode",
    ]);

    public static bool Permits(ISymbol symbol) => symbol switch
    {
        // Locals and parameters are the script's own; their types are checked where they are declared or produced.
        INamespaceSymbol or ILabelSymbol or IRangeVariableSymbol or IDiscardSymbol or ILocalSymbol or IParameterSymbol => true,
        ITypeSymbol type => PermitsType(type),
        IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } => true,
        IMethodSymbol method => PermitsMember(method.ReducedFrom ?? method)
            && method.TypeArguments.All(PermitsType) && PermitsType(method.ReturnType) && method.Parameters.All(p => PermitsType(p.Type)),
        IPropertySymbol property => PermitsMember(property) && PermitsType(property.Type) && property.Parameters.All(p => PermitsType(p.Type)),
        IFieldSymbol field => PermitsMember(field) && PermitsType(field.Type),
        _ => false,
    };

    public static bool PermitsType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } or ITypeParameterSymbol => true,
        IArrayTypeSymbol array => PermitsType(array.ElementType),
        INamedTypeSymbol { IsAnonymousType: true } anonymous => !NestsWithoutBound(anonymous),
        INamedTypeSymbol named => PermitsDefinition(named.OriginalDefinition) && named.TypeArguments.All(PermitsType) && !NestsWithoutBound(named),
        _ => false, // dynamic, pointers, function pointers
    };

    private static bool PermitsDefinition(INamedTypeSymbol type)
    {
        if (IsGenerated(type)) return type.Name is ScriptSource.FormType or ScriptSource.VarsType;
        if (type.ContainingType is { } outer) return PermitsDefinition(outer);
        var name = MetadataName(type);
        return Types.Contains(name) || SomeMembers.ContainsKey(name) || Namespaces.Contains(type.ContainingNamespace.ToDisplayString());
    }

    private static bool PermitsMember(ISymbol member)
    {
        var type = member.ContainingType.OriginalDefinition;
        if (type.IsAnonymousType) return true;
        if (IsGenerated(type)) return member is IPropertySymbol && PermitsDefinition(type);
        var typeName = MetadataName(type);
        if (DeniedMembers.Contains($"{typeName}.{member.Name}")) return false;
        return SomeMembers.TryGetValue(typeName, out var members) ? members.Contains(member.Name) : PermitsType(member.ContainingType);
    }

    /// <summary>
    /// Tuples, key-value pairs and anonymous objects print, compare and hash their parts recursively. A part that
    /// can hold anything (object, an interface, a type parameter) lets a loop nest them thousands deep, and one
    /// ToString() would then overflow the stack inside the library, where no budget check runs.
    /// </summary>
    public static bool NestsWithoutBound(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => NestsWithoutBound(method.ReturnType) || NestsWithoutBound(method.ContainingType),
        IPropertySymbol or IFieldSymbol => NestsWithoutBound(symbol.ContainingType),
        INamedTypeSymbol { IsAnonymousType: true } anonymous => anonymous.GetMembers().OfType<IPropertySymbol>().Any(p => CanHoldAnything(p.Type)),
        INamedTypeSymbol pair when pair.IsTupleType || MetadataName(pair.OriginalDefinition) == "System.Collections.Generic.KeyValuePair`2"
            => pair.TypeArguments.Any(CanHoldAnything),
        _ => false,
    };

    private static bool CanHoldAnything(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum
        || type.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Dynamic;

    private static bool IsGenerated(INamedTypeSymbol type) => type.Locations.Any(l => l.IsInSource);

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{type.MetadataName}" : type.MetadataName;
}
