using System.Security.Cryptography;
using System.Xml.Linq;
using LowCode.Grains.ReadModel;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.IdentityModel.Tokens;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Server.Identity;

/// <summary>
/// Keys every instance must share and keep across restarts: the token signing key (RSA), the token
/// encryption key (AES) and ASP.NET data protection keys (cookies, antiforgery). They live in the
/// database; the first instance to start creates them and the others read the same ones.
/// </summary>
public sealed class KeyStore(LowCodeDatabase database) : IXmlRepository
{
    public SecurityKey SigningKey() => new RsaSecurityKey(LoadRsa("oidc-signing")) { KeyId = "lowcode-signing" };

    public SecurityKey EncryptionKey() => new SymmetricSecurityKey(Convert.FromBase64String(Get("oidc-encryption", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))));

    private RSA LoadRsa(string name)
    {
        var pem = Get(name, () =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportRSAPrivateKeyPem();
        });
        var key = RSA.Create();
        key.ImportFromPem(pem);
        return key;
    }

    /// <summary>The named secret, created by the first instance that asks for it.</summary>
    public string Get(string name, Func<string> create)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        Ensure(connection);
        if (Read(connection, name) is { } existing) return existing;
        // Several instances may start at once: the first insert wins and everyone reads the winner.
        using (var insert = Command(connection, "INSERT INTO lc_keys (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING", null,
                   ("@name", name), ("@value", create())))
            insert.ExecuteNonQuery();
        return Read(connection, name) ?? throw new InvalidOperationException($"Key {name} could not be stored.");
    }

    private static string? Read(System.Data.Common.DbConnection connection, string name)
    {
        using var select = Command(connection, "SELECT value FROM lc_keys WHERE name = @name", null, ("@name", name));
        return select.ExecuteScalar() as string;
    }

    private static void Ensure(System.Data.Common.DbConnection connection)
    {
        using var create = Command(connection, "CREATE TABLE IF NOT EXISTS lc_keys (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        create.ExecuteNonQuery();
    }

    // ASP.NET data protection keys, one row per key element ("dp:<id>").
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        Ensure(connection);
        using var select = Command(connection, "SELECT value FROM lc_keys WHERE name LIKE 'dp:%' ORDER BY name");
        using var reader = select.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        Ensure(connection);
        using var insert = Command(connection, "INSERT INTO lc_keys (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING", null,
            ("@name", $"dp:{friendlyName}"), ("@value", element.ToString(SaveOptions.DisableFormatting)));
        insert.ExecuteNonQuery();
    }
}
