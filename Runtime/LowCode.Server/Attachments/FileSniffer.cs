using System.Text;

namespace LowCode.Server.Attachments;

/// <summary>
/// Decides an upload's content type from its first bytes (magic numbers), never from what the client claimed:
/// images, PDF, Office and archive formats, audio and video, plain text. Programs (Windows, Linux and macOS
/// executables, Java classes, scripts with #!) and markup a browser would run (HTML, SVG) are refused, as are
/// blocked file name extensions; anything else unknown is kept as <c>application/octet-stream</c>.
/// Where the bytes alone are ambiguous (a ZIP is also a .docx), the extension picks among the types they allow.
/// </summary>
public static class FileSniffer
{
    /// <summary>How many leading bytes the sniffer wants.</summary>
    public const int HeadLength = 4096;

    public static FileType Identify(ReadOnlySpan<byte> head, string fileName, IReadOnlySet<string> blockedExtensions)
    {
        var extension = FileNames.ExtensionOf(fileName);
        if (blockedExtensions.Contains(extension)) return FileType.Refuse($"Files of type '{extension}' are not accepted (programs, scripts and web pages are blocked).");
        if (Program(head) is { } program) return FileType.Refuse($"The file is a program ({program}); programs are not accepted.");
        return Binary(head, extension) ?? Text(head, extension) ?? new FileType("application/octet-stream");
    }

    private static string? Program(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("MZ"u8)) return "Windows executable";
        if (Starts(b, [0x7F, (byte)'E', (byte)'L', (byte)'F'])) return "ELF executable";
        if (Starts(b, [0xFE, 0xED, 0xFA, 0xCE]) || Starts(b, [0xFE, 0xED, 0xFA, 0xCF]) || Starts(b, [0xCE, 0xFA, 0xED, 0xFE])
            || Starts(b, [0xCF, 0xFA, 0xED, 0xFE]) || Starts(b, [0xCA, 0xFE, 0xBA, 0xBE])) return "Mach-O executable or Java class";
        if (b.StartsWith("#!"u8)) return "script";
        return null;
    }

    private static FileType? Binary(ReadOnlySpan<byte> b, string extension)
    {
        string? type = null;
        if (Starts(b, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) type = "image/png";
        else if (Starts(b, [0xFF, 0xD8, 0xFF])) type = "image/jpeg";
        else if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) type = "image/gif";
        else if (Starts(b, [0x49, 0x49, 0x2A, 0x00]) || Starts(b, [0x4D, 0x4D, 0x00, 0x2A])) type = "image/tiff";
        else if (b.StartsWith("BM"u8) && extension == ".bmp") type = "image/bmp";
        else if (b.StartsWith("RIFF"u8) && b.Length >= 12) type = b[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : b[8..12].SequenceEqual("WAVE"u8) ? "audio/wav" : null;
        else if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8)) type = Isobmff(b[8..12]);
        else if (b.StartsWith("%PDF-"u8)) type = "application/pdf";
        else if (b.StartsWith("{\\rtf"u8)) type = "application/rtf";
        else if (b.StartsWith("ID3"u8)) type = "audio/mpeg";
        else if (Starts(b, [0x50, 0x4B, 0x03, 0x04]) || Starts(b, [0x50, 0x4B, 0x05, 0x06])) type = Zip(extension);
        else if (Starts(b, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) type = Compound(extension);
        else if (Starts(b, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])) type = "application/x-7z-compressed";
        else if (b.StartsWith("Rar!\u001A\u0007"u8)) type = "application/vnd.rar";
        else if (Starts(b, [0x1F, 0x8B])) type = "application/gzip";
        return type is null ? null : new FileType(type);
    }

    /// <summary>ISO base media files (MP4, MOV, HEIC, AVIF) by their brand.</summary>
    private static string Isobmff(ReadOnlySpan<byte> brand) => Encoding.ASCII.GetString(brand) switch
    {
        "heic" or "heix" or "hevc" or "mif1" or "msf1" => "image/heic",
        "avif" or "avis" => "image/avif",
        "qt  " => "video/quicktime",
        "M4A " => "audio/mp4",
        _ => "video/mp4",
    };

    private static string Zip(string extension) => extension switch
    {
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".odt" => "application/vnd.oasis.opendocument.text",
        ".ods" => "application/vnd.oasis.opendocument.spreadsheet",
        ".odp" => "application/vnd.oasis.opendocument.presentation",
        ".ofd" => "application/ofd", // 中国电子发票版式文件 (China's e-invoice layout format)
        _ => "application/zip",
    };

    /// <summary>Legacy Office files (OLE compound documents).</summary>
    private static string Compound(string extension) => extension switch
    {
        ".doc" => "application/msword",
        ".xls" => "application/vnd.ms-excel",
        ".ppt" => "application/vnd.ms-powerpoint",
        ".msg" => "application/vnd.ms-outlook",
        _ => "application/x-ole-storage",
    };

    /// <summary>Text when there are no NUL bytes and it is UTF-8 (or named like text, for GBK files); markup a browser runs is refused.</summary>
    private static FileType? Text(ReadOnlySpan<byte> b, string extension)
    {
        if (b.IsEmpty || b.Contains((byte)0)) return null;
        var textLike = extension is ".txt" or ".csv" or ".log" or ".json" or ".xml" or ".md";
        if (!IsUtf8(b) && !textLike) return null;
        var start = Encoding.UTF8.GetString(b[..Math.Min(b.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        string[] markup = ["<!doctype html", "<html", "<head", "<body", "<script", "<svg", "<iframe", "<?xml-stylesheet"];
        if (markup.Any(m => start.StartsWith(m, StringComparison.Ordinal)) || (start.StartsWith("<?xml", StringComparison.Ordinal) && (start.Contains("<svg", StringComparison.Ordinal) || start.Contains("<html", StringComparison.Ordinal))))
            return FileType.Refuse("Web pages and SVG images can run scripts in a browser and are not accepted.");
        return new FileType(extension switch
        {
            ".csv" => "text/csv",
            ".json" => "application/json",
            ".xml" => "application/xml",
            ".md" => "text/markdown",
            _ => "text/plain",
        });
    }

    private static bool Starts(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> signature) => bytes.StartsWith(signature);

    /// <summary>Valid UTF-8, allowing a character cut off at the end of the sniffed bytes.</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> b)
    {
        for (var cut = 0; cut <= 3 && cut < b.Length; cut++)
            if (System.Text.Unicode.Utf8.IsValid(b[..^cut])) return true;
        return false;
    }
}
