namespace LowCode.Runtime.Expressions.Context;

/// <summary>A person as expressions see them (<c>requester.Department == "Finance"</c>).</summary>
public sealed record PersonInfo(string Id, string Name)
{
    public static readonly PersonInfo Nobody = new("", "");

    public string Email { get; init; } = "";
    public string Department { get; init; } = "";
    public string Region { get; init; } = "";
    public string Manager { get; init; } = "";
    public TagSet Roles { get; init; } = TagSet.Empty;
    public bool IsVip { get; init; }
}
