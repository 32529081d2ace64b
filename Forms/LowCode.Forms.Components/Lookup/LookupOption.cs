namespace LowCode.Forms.Components.Lookup;

/// <summary>
/// One person, team or asset a picker offers: the value stored in the form (a user id, a team id, an asset
/// tag), the name people see, and an optional detail line (department, e-mail, location).
/// </summary>
public sealed record LookupOption(string Value, string Label, string? Detail = null);
