using System.Data.Common;
using LowCode.Grains.ReadModel;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Grains.Attachments;

/// <summary>
/// The attachment rows (<c>lc_attachments</c>): recorded once the bytes are kept, read to check a form's
/// references and to authorise downloads, and linked to a ticket when a form that references them is accepted.
/// </summary>
public sealed class AttachmentCatalog(LowCodeDatabase database)
{
    private const string Columns = "id, name, content_type, size, sha256, uploader, created_at, ticket_id, linked_at";

    public async Task AddAsync(AttachmentRecord a, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, $"INSERT INTO lc_attachments ({Columns}) VALUES (@id, @name, @type, @size, @sha, @uploader, @created, NULL, NULL)", null,
            ("@id", a.Id), ("@name", a.Name), ("@type", a.ContentType), ("@size", a.Size), ("@sha", a.Sha256), ("@uploader", a.Uploader),
            ("@created", a.CreatedAt.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<AttachmentRecord?> GetAsync(string id, CancellationToken ct = default) =>
        (await GetManyAsync([id], ct)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<string, AttachmentRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var found = new Dictionary<string, AttachmentRecord>(StringComparer.Ordinal);
        if (ids.Count == 0) return found;
        await using var connection = await database.OpenAsync(ct);
        foreach (var batch in ids.Distinct(StringComparer.Ordinal).Chunk(100))
        {
            var names = batch.Select((_, i) => $"@id{i}").ToList();
            await using var command = Command(connection, $"SELECT {Columns} FROM lc_attachments WHERE id IN ({string.Join(", ", names)})", null,
                [.. batch.Select((id, i) => (names[i], (object?)id))]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) found[reader.GetString(0)] = Read(reader);
        }
        return found;
    }

    /// <summary>The attachments of a ticket in the order they were linked.</summary>
    public async Task<IReadOnlyList<AttachmentRecord>> OfTicketAsync(string ticketId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, $"SELECT {Columns} FROM lc_attachments WHERE ticket_id = @ticket ORDER BY linked_at, created_at, id", null, ("@ticket", ticketId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<AttachmentRecord>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    /// <summary>
    /// Links the attachments to the ticket, all or none: each must still be unlinked and uploaded by
    /// <paramref name="uploader"/>. Returns the ids that were not (someone linked them meanwhile); empty when all were linked.
    /// </summary>
    public async Task<IReadOnlyList<string>> LinkAsync(IReadOnlyCollection<string> ids, string ticketId, string uploader, DateTimeOffset at, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var refused = new List<string>();
        foreach (var id in ids)
        {
            await using var command = Command(connection,
                "UPDATE lc_attachments SET ticket_id = @ticket, linked_at = @at WHERE id = @id AND ticket_id IS NULL AND uploader = @uploader", tx,
                ("@ticket", ticketId), ("@at", at.ToUnixTimeMilliseconds()), ("@id", id), ("@uploader", uploader));
            if (await command.ExecuteNonQueryAsync(ct) != 1) refused.Add(id);
        }
        if (refused.Count == 0) await tx.CommitAsync(ct);
        else await tx.RollbackAsync(ct);
        return refused;
    }

    private static AttachmentRecord Read(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), Convert.ToInt64(r.GetValue(3)), r.GetString(4), r.GetString(5),
            DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(6))))
        {
            TicketId = r.IsDBNull(7) ? null : r.GetString(7),
            LinkedAt = r.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(8))),
        };
}
