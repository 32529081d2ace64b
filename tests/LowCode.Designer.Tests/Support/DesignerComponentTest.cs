using LowCode.Designer.TicketTypes.Editing;
using LowCode.Grains.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Designer.Tests.Support;

/// <summary>
/// A bUnit context for the designer's components: the UI text from the resource files, JS interop that answers
/// nothing (the caret then counts as the end of the text), and a session over a draft in the fake backend.
/// </summary>
public abstract class DesignerComponentTest : BunitContext
{
    protected DesignerComponentTest()
    {
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    internal FakeDesignerBackend Backend { get; } = new();

    protected async Task<DesignerSession> OpenAsync(TicketTypeDefinition definition)
    {
        await Backend.CreateAsync(definition, "analyst");
        return new DesignerSession((await Backend.GetDraftAsync(definition.Key))!, Backend, "analyst");
    }
}
