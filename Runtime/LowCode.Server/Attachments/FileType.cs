namespace LowCode.Server.Attachments;

/// <summary>What an upload was found to be: the content type to keep and serve, or why it is refused.</summary>
public sealed record FileType(string ContentType, string? Refusal = null)
{
    public bool Refused => Refusal is not null;

    public static FileType Refuse(string why) => new("application/octet-stream", why);
}
