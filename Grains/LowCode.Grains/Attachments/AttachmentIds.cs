using System.Security.Cryptography;

namespace LowCode.Grains.Attachments;

/// <summary>Attachment ids: "att-" and 24 random characters (about 118 bits), safe as file names and in URLs.</summary>
public static class AttachmentIds
{
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz"; // lower case, no look-alikes
    private const string Prefix = "att-";
    private const int Length = 24;

    public static string New() => Prefix + string.Create(Length, RandomNumberGenerator.GetBytes(Length), (chars, bytes) =>
    {
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[bytes[i] % Alphabet.Length];
    });

    public static bool IsValid(string? id) =>
        id is { Length: Length + 4 } && id.StartsWith(Prefix, StringComparison.Ordinal) && !id.AsSpan(Prefix.Length).ContainsAnyExcept(Alphabet);
}
