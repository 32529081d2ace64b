using System.Net.Http.Headers;
using System.Text.Json;
using LowCode.Forms.Components.Lookup;
using LowCode.Forms.Schema;

namespace LowCode.Server.Ui;

/// <summary>An http option source did not answer usefully; the message says why, for the log and the person searching.</summary>
public sealed class OptionSourceException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Asks an asset lookup's http source (<c>GET {url}?q=</c>) within a time limit and a size cap, and reads the answer
/// in the shape <see cref="OptionSource"/> documents: an array of <c>{ value, label, detail }</c>, or such an array at
/// <see cref="OptionSource.ItemsPath"/>, with <see cref="OptionSource.ValueField"/> / <see cref="OptionSource.LabelField"/>
/// for other property names. Entries without a value are skipped; at most <see cref="MaxOptions"/> are kept.
/// </summary>
public sealed class HttpOptionSource(IHttpClientFactory http)
{
    public const string HttpClientName = "lowcode-form-lookup";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    public const int MaxBytes = 256 * 1024;
    public const int MaxOptions = 50;

    /// <summary>How long a source may take to answer completely.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Searches the source at <paramref name="address"/> (absolute); <paramref name="prepare"/> may add credentials.</summary>
    public async Task<IReadOnlyList<LookupOption>> SearchAsync(Uri address, OptionSource source, string query,
        Action<HttpRequestMessage>? prepare, CancellationToken cancellationToken)
    {
        var separator = address.Query.Length > 0 ? "&" : "?";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address + separator + "q=" + Uri.EscapeDataString(query)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        prepare?.Invoke(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode) throw new OptionSourceException($"{address.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}.");
            if (response.Content.Headers.ContentLength > MaxBytes) throw TooLarge(address);
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var capped = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
            {
                if (capped.Length + read > MaxBytes) throw TooLarge(address);
                capped.Write(buffer, 0, read);
            }
            capped.Position = 0;
            using var document = await JsonDocument.ParseAsync(capped, cancellationToken: timeout.Token);
            return Read(document.RootElement, source, address);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OptionSourceException($"{address.GetLeftPart(UriPartial.Path)} did not answer within {Timeout.TotalSeconds:0.#} seconds.");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            throw new OptionSourceException($"{address.GetLeftPart(UriPartial.Path)} could not be read: {e.Message}", e);
        }
    }

    /// <summary>The options in an answer, as <paramref name="source"/> describes its shape.</summary>
    public static IReadOnlyList<LookupOption> Read(JsonElement answer, OptionSource source, Uri address)
    {
        var items = answer;
        foreach (var step in (source.ItemsPath ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (items.ValueKind != JsonValueKind.Object || !items.TryGetProperty(step, out items))
                throw new OptionSourceException($"The answer of {address.GetLeftPart(UriPartial.Path)} has no '{source.ItemsPath}'.");
        if (items.ValueKind != JsonValueKind.Array)
            throw new OptionSourceException($"The answer of {address.GetLeftPart(UriPartial.Path)} is not a list{(source.ItemsPath is null ? "" : $" at '{source.ItemsPath}'")}.");
        var options = new List<LookupOption>();
        foreach (var item in items.EnumerateArray())
        {
            if (options.Count == MaxOptions) break;
            if (item.ValueKind != JsonValueKind.Object || Text(item, source.ValueField ?? "value") is not { Length: > 0 } value) continue;
            options.Add(new LookupOption(value, Text(item, source.LabelField ?? "label") ?? value, Text(item, "detail")));
        }
        return options;
    }

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        } : null;

    private static OptionSourceException TooLarge(Uri address) =>
        new($"The answer of {address.GetLeftPart(UriPartial.Path)} is larger than {MaxBytes / 1024} KB.");
}
