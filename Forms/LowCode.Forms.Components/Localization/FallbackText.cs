using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LowCode.Forms.Components.Localization;

/// <summary>
/// The UI text when the host registered no localization: the same resources, read by the same factory
/// <c>AddLocalization()</c> would register, so the form still speaks the user's language.
/// </summary>
internal static class FallbackText
{
    private static readonly Lazy<IStringLocalizer> Shared = new(() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(FormText)));

    public static IStringLocalizer Localizer => Shared.Value;
}
