using System.Security.Cryptography;
using System.Text;

namespace LowCode.Grains.Tickets;

/// <summary>
/// Ticket numbers: "T-260302-7QF3KX9A" (date, then random), or derived from an idempotency key so a
/// retried request reaches the same ticket.
/// </summary>
public static class TicketIds
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New(DateTimeOffset now) => $"T-{now.UtcDateTime:yyMMdd}-{Encode(RandomNumberGenerator.GetBytes(8))}";

    public static string FromKey(string scope, string key) =>
        $"T-K{Encode(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + key)))}";

    private static string Encode(byte[] bytes)
    {
        var text = new StringBuilder(10);
        for (var i = 0; i < 10 && i < bytes.Length; i++) text.Append(Alphabet[bytes[i] % Alphabet.Length]);
        return text.ToString();
    }

    public static bool IsValid(string id) => id.Length is > 2 and <= 40 && id.StartsWith("T-", StringComparison.Ordinal) && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
