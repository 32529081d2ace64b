using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace LowCode.Server.Identity;

/// <summary>
/// Where the authorization endpoint may send a code. The site's own web client may only come back to
/// the callback of the very site the browser is on (the same scheme, host and base path), so any host
/// name an administrator serves LowCode under works without registering it; every other client only to
/// one of its registered redirect URIs, as OpenIddict does by default.
/// </summary>
public sealed class ClientRedirectUris(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
        .UseScopedHandler<ClientRedirectUris>()
        .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (context.ClientId == WebSignIn.ClientId)
        {
            var request = context.Transaction.GetHttpRequest();
            if (request is null || !string.Equals(context.RedirectUri, WebSignIn.CallbackUri(request), StringComparison.Ordinal))
                context.Reject(Errors.InvalidRequest, $"The web client may only return to {WebSignIn.CallbackPath} on this site.");
            return;
        }

        var application = await applications.FindByClientIdAsync(context.ClientId!);
        if (application is null)
        {
            context.Reject(Errors.InvalidClient, "The client application was not found.");
            return;
        }
        if (string.IsNullOrEmpty(context.RedirectUri))
        {
            // Plain OAuth 2.0 may leave it out when the client has exactly one.
            var registered = await applications.GetRedirectUrisAsync(application);
            if (registered.Length != 1) context.Reject(Errors.InvalidRequest, "The 'redirect_uri' parameter is missing.");
            else context.SetRedirectUri(registered[0]);
            return;
        }
        if (!await applications.ValidateRedirectUriAsync(application, context.RedirectUri))
            context.Reject(Errors.InvalidRequest, "The specified 'redirect_uri' is not valid for this client application.");
    }
}
