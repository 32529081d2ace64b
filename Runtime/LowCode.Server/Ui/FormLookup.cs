using LowCode.Forms.Components.Lookup;
using LowCode.Forms.Schema;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Server.Ui;

/// <summary>
/// The pickers of a form: people and teams from the identity store (at most 20 answers); assets from the field's http
/// source (<see cref="HttpOptionSource"/>). A source on this site (<c>/api/assets</c>) is asked at the page's own
/// address as the person on the page; another site is asked without credentials.
/// </summary>
public sealed class FormLookup(IdentityDb db, HttpOptionSource http, NavigationManager navigation, AuthenticationStateProvider authentication,
    SelfCallCookie selfCall, ILogger<FormLookup> log) : IFormLookup
{
    private const int Limit = 20;

    public async Task<IReadOnlyList<LookupOption>> SearchUsersAsync(string query, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking()
            .Where(u => u.UserName!.Contains(query) || u.DisplayName.Contains(query))
            .OrderBy(u => u.DisplayName).Take(Limit).ToListAsync(cancellationToken);
        return [.. people.Select(u => new LookupOption(u.Id, u.DisplayName, u.Department))];
    }

    public async Task<IReadOnlyList<LookupOption>> SearchTeamsAsync(string query, CancellationToken cancellationToken)
    {
        var teams = await db.UserClaims.AsNoTracking()
            .Where(c => c.ClaimType == LowCodeClaims.Team && c.ClaimValue!.Contains(query))
            .Select(c => c.ClaimValue!).Distinct().OrderBy(t => t).Take(Limit).ToListAsync(cancellationToken);
        return [.. teams.Select(t => new LookupOption(t, t))];
    }

    /// <summary>Throws <see cref="OptionSourceException"/> when the source fails; the picker then says search is not available.</summary>
    public async Task<IReadOnlyList<LookupOption>> SearchAssetsAsync(FormField field, string query, CancellationToken cancellationToken)
    {
        if (field.Options is not { Url: { Length: > 0 } url } source) return [];
        try
        {
            if (!OptionSource.IsSitePath(url)) return await http.SearchAsync(new Uri(url, UriKind.Absolute), source, query, null, cancellationToken);
            var cookie = selfCall.HeaderFor((await authentication.GetAuthenticationStateAsync()).User)
                ?? throw new OptionSourceException("Sign in to search this site's assets.");
            var address = new Uri(new Uri(navigation.BaseUri), url.TrimStart('/'));
            return await http.SearchAsync(address, source, query, request => request.Headers.Add("Cookie", cookie), cancellationToken);
        }
        catch (Exception e) when (e is OptionSourceException or UriFormatException or InvalidOperationException)
        {
            log.LogWarning("Asset lookup of field {Field} failed: {Reason}", field.Key, e.Message);
            throw e as OptionSourceException ?? new OptionSourceException($"The asset source of {field.Key} cannot be reached: {e.Message}", e);
        }
    }

    public async Task<string?> DescribeAsync(FormField field, string value, CancellationToken cancellationToken) =>
        field.Type == FieldType.UserPicker
            ? await db.Users.AsNoTracking().Where(u => u.Id == value).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
}
