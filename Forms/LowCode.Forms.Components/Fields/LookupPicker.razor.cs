using LowCode.Forms.Components.Localization;
using LowCode.Forms.Components.Lookup;
using LowCode.Forms.Schema;
using Microsoft.AspNetCore.Components;

namespace LowCode.Forms.Components.Fields;

public partial class LookupPicker
{
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private IReadOnlyList<LookupOption> _results = [];
    private CancellationTokenSource _search = new();
    private string _query = "";
    private string _status = "";

    private string? Current => Binding.Value as string is { Length: > 0 } value ? value : null;
    private string ValueId => Binding.Id + "-value";
    private string ResultsId => Binding.Id + "-results";
    private string StatusId => Binding.Id + "-status";

    /// <summary>A value that came with the data (a draft, a default) gets its name from the lookup once.</summary>
    protected override async Task OnParametersSetAsync()
    {
        if (Current is not { } value || _labels.ContainsKey(value)) return;
        _labels[value] = value;
        try
        {
            if (await Session.Lookup.DescribeAsync(Field, value, _search.Token) is { Length: > 0 } name) _labels[value] = name;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The id stays on show; a directory that is down must not break the form.
        }
    }

    private Task OnQueryInputAsync(ChangeEventArgs change) => SearchAsync(change.Value as string ?? "");

    private async Task SearchAsync(string query)
    {
        await _search.CancelAsync();
        _search.Dispose();
        _search = new CancellationTokenSource();
        var token = _search.Token;
        _query = query;
        if (string.IsNullOrWhiteSpace(query))
        {
            (_results, _status) = ([], "");
            return;
        }
        try
        {
            var found = await Search(query.Trim(), token);
            if (token.IsCancellationRequested) return;
            _results = found ?? [];
            _status = _results.Count == 0 ? T(FormText.NoMatches) : T(FormText.ResultCount, _results.Count);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            (_results, _status) = ([], T(FormText.LookupFailed));
        }
    }

    private Task<IReadOnlyList<LookupOption>> Search(string query, CancellationToken token) => Field.Type switch
    {
        FieldType.UserPicker => Session.Lookup.SearchUsersAsync(query, token),
        FieldType.TeamPicker => Session.Lookup.SearchTeamsAsync(query, token),
        _ => Session.Lookup.SearchAssetsAsync(Field, query, token),
    };

    private Task ChooseAsync(LookupOption option)
    {
        _labels[option.Value] = option.Label;
        (_query, _results, _status) = ("", [], "");
        return ChangeAsync(option.Value);
    }

    private Task ClearAsync() => ChangeAsync(null);

    public void Dispose()
    {
        _search.Cancel();
        _search.Dispose();
    }
}
