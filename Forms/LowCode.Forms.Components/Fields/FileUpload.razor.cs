using System.Collections.Immutable;
using LowCode.Forms.Components.Attachments;
using LowCode.Forms.Components.Localization;
using Microsoft.AspNetCore.Components.Forms;

namespace LowCode.Forms.Components.Fields;

public partial class FileUpload
{
    private readonly List<string> _refusals = [];
    private readonly CancellationTokenSource _disposed = new();
    private bool _uploading;

    private string LimitsId => Binding.Id + "-limits";
    private string MessagesId => Binding.Id + "-messages";

    private string? LimitsText
    {
        get
        {
            var limits = Field.Files;
            var parts = new List<string>();
            if (limits?.MaxSizeBytes is { } size) parts.Add(T(FormText.MaxFileSize, FileLimits.FormatSize(size)));
            if (limits?.AllowedContentTypes is { Count: > 0 } types) parts.Add(T(FormText.AllowedTypes, string.Join(", ", types)));
            if (limits?.MaxFiles is { } count) parts.Add(T(FormText.MaxFiles, count));
            return parts.Count == 0 ? null : string.Join(" · ", parts);
        }
    }

    private static ImmutableArray<object?> Items(object? value) => value is ImmutableArray<object?> { IsDefault: false } items ? items : [];

    private async Task UploadAsync(InputFileChangeEventArgs change)
    {
        _refusals.Clear();
        if (Session.Uploader is not { } uploader || Binding.ReadOnly) return;
        var path = Binding.Path;
        var already = Items(Session.State.ValueAt(path)).Length;
        var added = new List<object?>();
        _uploading = true;
        await Session.UploadingAsync(started: true);
        try
        {
            foreach (var file in change.GetMultipleFiles(Math.Max(change.FileCount, 1)))
            {
                var contentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType;
                if (Refusal(FileLimits.Check(Field.Files, contentType, file.Size, already + added.Count), file.Name) is { } refusal)
                {
                    _refusals.Add(refusal);
                    continue;
                }
                try
                {
                    await using var content = file.OpenReadStream(Math.Max(file.Size, 1), _disposed.Token);
                    var attachment = await uploader.UploadAsync(content, file.Name, contentType, file.Size, _disposed.Token);
                    added.Add(attachment.ToValue());
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    _refusals.Add(T(FormText.UploadFailed, file.Name));
                }
            }
        }
        finally
        {
            _uploading = false;
            await Session.UploadingAsync(started: false);
        }
        if (_disposed.IsCancellationRequested) return;
        if (added.Count > 0) await ChangeAsync(Items(Session.State.ValueAt(path)).AddRange(added));
        else await TouchAsync();
    }

    private string? Refusal(FileRefusal refusal, string name) => refusal switch
    {
        FileRefusal.TooMany => T(FormText.TooManyFiles, name, Field.Files?.MaxFiles ?? 0),
        FileRefusal.TooLarge => T(FormText.FileTooLarge, name, FileLimits.FormatSize(Field.Files?.MaxSizeBytes ?? 0)),
        FileRefusal.TypeNotAllowed => T(FormText.FileTypeNotAllowed, name, string.Join(", ", Field.Files?.AllowedContentTypes ?? [])),
        _ => null,
    };

    private Task RemoveAsync(int index)
    {
        var items = Items(Binding.Value);
        _refusals.Clear();
        return index < items.Length ? ChangeAsync(items.Length == 1 ? null : items.RemoveAt(index)) : Task.CompletedTask;
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
