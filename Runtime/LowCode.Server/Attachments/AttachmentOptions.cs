using System.ComponentModel.DataAnnotations;

namespace LowCode.Server.Attachments;

/// <summary>The <c>LowCode:Attachments</c> configuration section: limits every upload meets before any form sees it.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "LowCode:Attachments";

    /// <summary>The largest file accepted, in bytes (20 MB unless configured). Form fields may allow less, never more.</summary>
    [Range(1, 1L << 30)] public long MaxSizeBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>File name extensions refused whatever the content (executables, scripts, pages); null means <see cref="DefaultBlockedExtensions"/>.</summary>
    public string[]? BlockedExtensions { get; set; }

    public static readonly IReadOnlyList<string> DefaultBlockedExtensions =
    [
        ".exe", ".dll", ".com", ".scr", ".pif", ".cpl", ".sys", ".drv", ".msi", ".msp", ".msix", ".appx", ".appinstaller",
        ".bat", ".cmd", ".ps1", ".psm1", ".psd1", ".vbs", ".vbe", ".js", ".jse", ".mjs", ".wsf", ".wsh", ".hta", ".sct", ".scf",
        ".lnk", ".url", ".reg", ".inf", ".jar", ".jnlp", ".class", ".apk", ".app", ".dmg", ".pkg", ".deb", ".rpm", ".iso", ".img", ".vhd",
        ".sh", ".bash", ".zsh", ".csh", ".command", ".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml", ".svg", ".svgz", ".xsl", ".chm",
        ".docm", ".xlsm", ".pptm", ".dotm", ".xltm", ".xlam", ".ppam",
    ];

    public IReadOnlySet<string> Blocked => (BlockedExtensions ?? DefaultBlockedExtensions)
        .Select(e => e.StartsWith('.') ? e : "." + e).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
