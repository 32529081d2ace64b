namespace LowCode.Server.Attachments;

/// <summary>
/// The name an upload is kept and offered for download under: the last path segment the client sent,
/// without control characters or trailing dots and spaces, at most 200 characters (keeping the extension).
/// </summary>
public static class FileNames
{
    private const int MaxLength = 200;

    public static string Clean(string? raw)
    {
        var name = (raw ?? "").Trim().Trim('"');
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068'))]).Trim().TrimEnd('.', ' ');
        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length <= 20 ? extension : "";
            name = name[..(MaxLength - extension.Length)] + extension;
        }
        return name.Length == 0 || name is "." or ".." ? "attachment" : name;
    }

    public static string ExtensionOf(string name) => Path.GetExtension(name).ToLowerInvariant();
}
