using LowCode.Runtime.Validation;

namespace LowCode.Grains.Organisation;

/// <summary>Problems with an org change, each naming the field (JSON path) it is about.</summary>
internal sealed class OrgProblems
{
    private static readonly string[] Priorities = ["P1", "P2", "P3", "P4"];

    public List<ValidationProblem> All { get; } = [];
    public bool Any => All.Count > 0;

    public void Add(string path, string message) => All.Add(new ValidationProblem("invalid-field", message) { Path = path });

    public string? Text(string path, string? value, int max, bool required, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(path, $"Give the {what}.");
            return null;
        }
        var text = value.Trim();
        if (text.Length > max) Add(path, $"The {what} is longer than {max} characters.");
        else if (text.Any(char.IsControl)) Add(path, $"The {what} contains control characters.");
        return text;
    }

    public void Key(string path, string? key, string what)
    {
        if (string.IsNullOrWhiteSpace(key)) Add(path, $"Give the {what} key.");
        else if (!TicketTypes.TicketTypeCompiler.IsKey(key)) Add(path, $"'{key}' is not a valid {what} key: lower-case letters, digits and '-', starting with a letter, at most 64.");
    }

    public List<string> Tags(string path, IEnumerable<string?>? values, string what, int max = 20)
    {
        var list = new List<string>();
        var i = 0;
        foreach (var value in values ?? [])
        {
            if (Text($"{path}[{i}]", value, 40, required: true, what) is { } text && !list.Contains(text, StringComparer.OrdinalIgnoreCase)) list.Add(text);
            i++;
        }
        if (i > max) Add(path, $"At most {max} {what}s.");
        return list;
    }

    public Dictionary<string, int> Levels(string path, IReadOnlyDictionary<string, int>? values, int min, int max, string what, bool priorities = false)
    {
        var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, level) in values ?? new Dictionary<string, int>())
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 40 || name.Any(char.IsControl)) { Add(path, $"A {what} needs a name of 1 to 40 characters."); continue; }
            if (priorities && !Priorities.Contains(name)) { Add($"{path}.{name}", $"'{name}' is not a priority; use {string.Join(", ", Priorities)}."); continue; }
            if (level < min || level > max) { Add($"{path}.{name}", $"The {what} of '{name}' must be {min} to {max}, not {level}."); continue; }
            if (!result.TryAdd(name.Trim(), level)) Add($"{path}.{name}", $"'{name}' appears twice.");
        }
        return result;
    }
}
