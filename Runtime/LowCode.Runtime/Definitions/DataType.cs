namespace LowCode.Runtime.Definitions;

/// <summary>
/// The types a form field or a flow variable can hold, as expressions see them.
/// Text-like kinds (choice, user, team) are strings; number and money are decimals;
/// date and date-time are instants; a multi-choice is a list of strings; a table is a list of rows.
/// </summary>
public enum DataType
{
    Text,
    Number,
    Money,
    Boolean,
    Date,
    DateTime,
    Choice,
    MultiChoice,
    User,
    Team,
    File,
    Table,
}
