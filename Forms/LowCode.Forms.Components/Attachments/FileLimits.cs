using System.Globalization;
using LowCode.Forms.Schema;

namespace LowCode.Forms.Components.Attachments;

/// <summary>Why a picked file is refused before upload, by the field's <see cref="FileConstraints"/>.</summary>
public enum FileRefusal
{
    None,
    TooLarge,
    TypeNotAllowed,
    TooMany,
}

/// <summary>
/// A file field's limits applied in the browser before any byte is sent, so a file that is too large, of the
/// wrong type or one too many is refused at once with a clear message. The validator checks the same limits
/// on the stored references (the type rule is <see cref="FileConstraints.AllowsContentType"/> for both).
/// </summary>
public static class FileLimits
{
    public static FileRefusal Check(FileConstraints? limits, string contentType, long size, int filesAlready)
    {
        limits ??= new FileConstraints();
        if (filesAlready >= limits.MaxFiles) return FileRefusal.TooMany;
        if (size > limits.MaxSizeBytes) return FileRefusal.TooLarge;
        return limits.AllowsContentType(contentType) ? FileRefusal.None : FileRefusal.TypeNotAllowed;
    }

    /// <summary>The <c>accept</c> attribute of the file input (a hint to the browser's picker), or null for any type.</summary>
    public static string? Accept(FileConstraints? limits) =>
        limits?.AllowedContentTypes?.Where(t => !string.IsNullOrWhiteSpace(t)).ToList() is { Count: > 0 } types ? string.Join(",", types) : null;

    /// <summary>A size as people read it: 512 B, 1.5 KB, 5 MB.</summary>
    public static string FormatSize(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        var size = (double)Math.Max(bytes, 0);
        var unit = 0;
        for (; size >= 1024 && unit < units.Length - 1; unit++) size /= 1024;
        return unit == 0 ? $"{bytes} B" : $"{size.ToString(size < 10 ? "0.#" : "0", CultureInfo.InvariantCulture)} {units[unit]}";
    }
}
