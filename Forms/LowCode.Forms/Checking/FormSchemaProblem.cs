namespace LowCode.Forms.Checking;

/// <summary>
/// One thing wrong with a form schema, at a path such as <c>sections[0].fields[2].visibleWhen</c>;
/// problems inside an expression also carry the 1-based line and column within its text.
/// </summary>
public sealed record FormSchemaProblem(string Path, string Message)
{
    public int? Line { get; init; }
    public int? Column { get; init; }

    public override string ToString() =>
        Line is null ? $"{Path}: {Message}" : $"{Path} (line {Line}, column {Column}): {Message}";
}
