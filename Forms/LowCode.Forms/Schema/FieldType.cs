using LowCode.Runtime.Definitions;

namespace LowCode.Forms.Schema;

/// <summary>What kind of input a form field is. Serialized camelCase (<c>multiLineText</c>, <c>repeatingGroup</c>).</summary>
public enum FieldType
{
    Text,
    MultiLineText,
    Number,
    Money,
    Date,
    DateTime,
    SingleSelect,
    MultiSelect,
    Radio,
    Checkbox,
    UserPicker,
    TeamPicker,
    AssetLookup,
    FileUpload,
    RichText,
    RepeatingGroup,
}

/// <summary>How each field type is seen by the expression language (<c>form.X</c>).</summary>
public static class FieldTypes
{
    public static DataType ToDataType(this FieldType type) => type switch
    {
        FieldType.Number => DataType.Number,
        FieldType.Money => DataType.Money,
        FieldType.Date => DataType.Date,
        FieldType.DateTime => DataType.DateTime,
        FieldType.SingleSelect or FieldType.Radio or FieldType.AssetLookup => DataType.Choice,
        FieldType.MultiSelect => DataType.MultiChoice,
        FieldType.Checkbox => DataType.Boolean,
        FieldType.UserPicker => DataType.User,
        FieldType.TeamPicker => DataType.Team,
        FieldType.FileUpload => DataType.File,
        FieldType.RepeatingGroup => DataType.Table,
        _ => DataType.Text,
    };

    /// <summary>Fields whose values must come from an option list.</summary>
    public static bool HasOptions(this FieldType type) =>
        type is FieldType.SingleSelect or FieldType.MultiSelect or FieldType.Radio or FieldType.AssetLookup;

    /// <summary>Fields whose value is free text (length and pattern rules apply).</summary>
    public static bool IsText(this FieldType type) =>
        type is FieldType.Text or FieldType.MultiLineText or FieldType.RichText;
}
