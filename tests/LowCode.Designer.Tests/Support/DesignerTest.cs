using System.Security.Claims;
using LowCode.Designer.Access;
using LowCode.Designer.TicketTypes.Editing;
using LowCode.Forms.Components.Hosting;
using LowCode.Grains.Contracts;
using LowCode.Grains.ReadModel;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Designer.Tests.Support;

/// <summary>A bUnit context with the designer's services as the host registers them, over the in-memory backend, signed in as an analyst.</summary>
public abstract class DesignerTest : BunitContext
{
    internal FakeDesignerBackend Backend { get; } = new();

    protected DesignerTest()
    {
        Services.AddLowCodeFormComponents();
        Services.AddSingleton<ITicketTypeDesignerBackend>(Backend);
        Services.AddSingleton(new CalendarCatalog());
        Services.AddSingleton<IUiAccess, AnalystAccess>();
        AddAuthorization().SetAuthorized("analyst");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>Creates <paramref name="definition"/> as a draft and opens a session on it.</summary>
    protected async Task<DesignerSession> OpenAsync(TicketTypeDefinition definition)
    {
        await Backend.CreateAsync(definition, "analyst");
        return new DesignerSession((await Backend.GetDraftAsync(definition.Key))!, Backend, "analyst");
    }

    private sealed class AnalystAccess : IUiAccess
    {
        public Viewer Viewer(ClaimsPrincipal user) =>
            new("analyst", "Analyst", new HashSet<UiArea> { UiArea.Designer }, false, TicketVisibility.All);

        public bool CanSee(ClaimsPrincipal user, TicketState ticket) => false;

        public bool CanWork(ClaimsPrincipal user, TicketState ticket, TaskState task) => false;
    }
}
