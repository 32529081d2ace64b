namespace LowCode.Forms.Validation;

/// <summary>
/// One reason submitted data was refused: the field path (<c>Amount</c>, <c>Lines[1].Amount</c>;
/// empty for a form-level rule without fields), a stable code for clients, and a message for people.
/// </summary>
public sealed record FormProblem(string Path, string Code, string Message);

/// <summary>The codes a <see cref="FormProblem"/> carries.</summary>
public static class FormProblemCodes
{
    public const string UnknownField = "unknown-field";
    public const string Required = "required";
    public const string Type = "type";
    public const string Min = "min";
    public const string Max = "max";
    public const string MinLength = "min-length";
    public const string MaxLength = "max-length";
    public const string Pattern = "pattern";
    public const string Option = "option";
    public const string MinRows = "min-rows";
    public const string MaxRows = "max-rows";
    public const string FileCount = "file-count";
    public const string FileSize = "file-size";
    public const string FileType = "file-type";
    /// <summary>A form-level cross-field rule was not met.</summary>
    public const string Rule = "rule";
    /// <summary>An expression of the schema could not be compiled or failed while running.</summary>
    public const string Expression = "expression";
}
