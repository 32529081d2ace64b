using LowCode.Forms.Components.Lookup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCode.Forms.Components.Hosting;

public static class FormComponentsServiceCollectionExtensions
{
    /// <summary>
    /// What <see cref="GeneratedForm"/> reads from the container: localization for its UI text
    /// (<c>IStringLocalizer&lt;FormText&gt;</c>) and a lookup that finds nothing until the host registers its
    /// own <see cref="IFormLookup"/>. File fields upload once an <c>IFormAttachmentUploader</c> is registered.
    /// Parameters of the component win over registrations.
    /// </summary>
    public static IServiceCollection AddLowCodeFormComponents(this IServiceCollection services)
    {
        services.AddLocalization();
        services.TryAddSingleton<IFormLookup>(NoFormLookup.Instance);
        return services;
    }
}
