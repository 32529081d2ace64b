namespace LowCode.Runtime.Definitions;

/// <summary>Well-known port names.</summary>
public static class Ports
{
    public const string In = "in";
    public const string Out = "out";
    public const string Default = "default";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string SentBack = "sentBack";
    public const string Failed = "failed";
}
