using LowCode.Forms.Schema;

namespace LowCode.Forms.Tests.Support;

/// <summary>Realistic forms used across tests.</summary>
public static class SampleForms
{
    /// <summary>费用审批: department, a date range, expense lines, a computed total, a receipt when the total is high.</summary>
    public static FormSchema Expense() => new()
    {
        OptionSets = new() { ["departments"] = [new("FIN", "Finance"), new("IT", "IT"), new("OPS", "Operations")] },
        Sections =
        [
            new FormSection
            {
                Key = "trip", Title = "Trip", Columns = 2,
                Fields =
                [
                    new FormField { Key = "Department", Label = "Department", Type = FieldType.SingleSelect, Required = true, Options = new OptionSource { Set = "departments" } },
                    new FormField { Key = "StartDate", Label = "Start date", Type = FieldType.Date, Required = true },
                    new FormField { Key = "EndDate", Label = "End date", Type = FieldType.Date, Required = true },
                ],
            },
            new FormSection
            {
                Key = "costs", Title = "Costs", Columns = 1,
                Fields =
                [
                    new FormField
                    {
                        Key = "Lines", Label = "Expense lines", Type = FieldType.RepeatingGroup, Required = true, MinRows = 1, MaxRows = 20,
                        Columns =
                        [
                            new FormField { Key = "Item", Label = "Item", Type = FieldType.Text, Required = true, MaxLength = 80 },
                            new FormField { Key = "Amount", Label = "Amount", Type = FieldType.Money, Currency = "CNY", Required = true, Min = 0.01m },
                        ],
                    },
                    new FormField { Key = "Total", Label = "Total", Type = FieldType.Money, Currency = "CNY", Computed = "form.Lines.Sum(\"Amount\")" },
                    new FormField
                    {
                        Key = "Receipts", Label = "Receipts", Type = FieldType.FileUpload, RequiredWhen = "form.Total > 1000",
                        Files = new FileConstraints { MaxFiles = 5, MaxSizeBytes = 5_000_000, AllowedContentTypes = ["application/pdf", "image/*"] },
                    },
                ],
            },
        ],
        Rules = [new CrossFieldRule { Expression = "form.EndDate >= form.StartDate", Message = "The end date cannot be before the start date.", Fields = ["EndDate", "StartDate"] }],
    };

    /// <summary>One field of every type, with every kind of setting, for round-trip tests.</summary>
    public static FormSchema EveryFieldType() => new()
    {
        OptionSets = new() { ["sizes"] = [new("S"), new("M"), new("L")] },
        Sections =
        [
            new FormSection
            {
                Key = "all", Title = "All", Columns = 4,
                Fields =
                [
                    new FormField { Key = "Title", Label = "Title", Type = FieldType.Text, Required = true, MinLength = 3, MaxLength = 50, Pattern = "[A-Z].*", PatternMessage = "Start with a capital.", Placeholder = "Short title", Help = "Shown in lists", ColumnSpan = 2 },
                    new FormField { Key = "Details", Type = FieldType.MultiLineText, VisibleWhen = "form.Title != \"\"" },
                    new FormField { Key = "Count", Type = FieldType.Number, Min = 1, Max = 10, Default = 1m },
                    new FormField { Key = "Price", Type = FieldType.Money, Currency = "USD" },
                    new FormField { Key = "Due", Type = FieldType.Date, MinDate = "2026-01-01", MaxDate = "2026-12-31" },
                    new FormField { Key = "At", Type = FieldType.DateTime, DefaultExpression = "now" },
                    new FormField { Key = "Size", Type = FieldType.SingleSelect, Options = new OptionSource { Set = "sizes" } },
                    new FormField { Key = "Tags", Type = FieldType.MultiSelect, Options = new OptionSource { Items = [new("a", "A"), new("b", "B")] } },
                    new FormField { Key = "Urgency", Type = FieldType.Radio, Options = new OptionSource { Items = [new("low"), new("high")] }, Default = "low" },
                    new FormField { Key = "Agree", Type = FieldType.Checkbox, RequiredWhen = "form.Urgency == \"high\"" },
                    new FormField { Key = "Owner", Type = FieldType.UserPicker, ReadOnly = true },
                    new FormField { Key = "Team", Type = FieldType.TeamPicker, Hidden = true },
                    new FormField { Key = "Asset", Type = FieldType.AssetLookup, Options = new OptionSource { Url = "https://cmdb.example.com/assets" } },
                    new FormField { Key = "Photos", Type = FieldType.FileUpload, Files = new FileConstraints { MaxFiles = 3, MaxSizeBytes = 1024, AllowedContentTypes = ["image/*"] } },
                    new FormField { Key = "Notes", Type = FieldType.RichText },
                    new FormField { Key = "Parts", Type = FieldType.RepeatingGroup, MinRows = 0, MaxRows = 5, Columns = [new FormField { Key = "Part", Type = FieldType.Text }, new FormField { Key = "Qty", Type = FieldType.Number }] },
                    new FormField { Key = "Subtotal", Type = FieldType.Number, Computed = "form.Count * 2" },
                ],
            },
        ],
        Rules = [new CrossFieldRule { Expression = "form.Count <= 10", Message = "Too many.", Fields = ["Count"] }],
    };
}
