namespace LowCode.Designer.Shared;

/// <summary>How stored values read on pages whatever the language (times in UTC); words come from the resource files.</summary>
public static class Labels
{
    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
