using System.Security.Claims;
using LowCode.Designer.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace LowCode.Designer.Shared;

/// <summary>A page that needs to know who is looking: resolves the <see cref="Viewer"/> once, then loads.</summary>
public abstract class ViewerComponent : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }
    [Inject] protected IUiAccess Access { get; set; } = default!;

    protected ClaimsPrincipal User { get; private set; } = new();
    protected Viewer Viewer { get; private set; } = default!;

    protected sealed override async Task OnInitializedAsync()
    {
        User = AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
        Viewer = Access.Viewer(User);
        await LoadAsync();
    }

    protected abstract Task LoadAsync();
}
