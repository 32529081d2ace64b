namespace LowCode.Forms.Schema;

/// <summary>A titled block of fields laid out in 1-4 columns; a field spans one or more of them.</summary>
public sealed record FormSection
{
    public string Key { get; init; } = "";
    public string Title { get; init; } = "";
    public int Columns { get; init; } = 1;
    public List<FormField> Fields { get; init; } = [];
}
