namespace LowCode.Forms.Schema;

/// <summary>
/// A form-level rule over several fields, e.g. <c>form.EndDate &gt;= form.StartDate</c>. The message is
/// shown under the first of <see cref="Fields"/>; the rule is skipped while any of them is hidden.
/// </summary>
public sealed record CrossFieldRule
{
    public string Expression { get; init; } = "";
    public string Message { get; init; } = "";
    public List<string> Fields { get; init; } = [];
}
