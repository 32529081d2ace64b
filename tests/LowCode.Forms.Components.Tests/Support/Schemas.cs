using LowCode.Forms.Schema;

namespace LowCode.Forms.Components.Tests.Support;

/// <summary>Form schemas written as JSON, read with FormSchemaJson exactly as a published ticket type is.</summary>
public static class Schemas
{
    public static FormSchema Parse(string json)
    {
        var (schema, error) = FormSchemaJson.Parse(json);
        return schema ?? throw new InvalidOperationException(error);
    }

    /// <summary>
    /// 费用审批, the shape of the Forms tests' expense form: department, a date range (end not before start),
    /// 1-3 expense lines, a computed total, a justification shown (and required) above 1000, receipts.
    /// </summary>
    public static FormSchema Expense() => Parse(ExpenseJson);

    public const string ExpenseJson = """
    {
      "optionSets": { "departments": [ { "value": "FIN", "label": "Finance" }, { "value": "IT", "label": "IT" }, { "value": "OPS", "label": "Operations" } ] },
      "sections": [
        {
          "key": "trip", "title": "Trip", "columns": 2,
          "fields": [
            { "key": "Department", "label": "Department", "type": "singleSelect", "required": true, "options": { "set": "departments" } },
            { "key": "CostCentre", "label": "Cost centre", "type": "text", "pattern": "CC-[0-9]{4}", "patternMessage": "Use the form CC-1234.", "placeholder": "CC-0000", "help": "Four digits after CC-." },
            { "key": "StartDate", "label": "Start date", "type": "date", "required": true },
            { "key": "EndDate", "label": "End date", "type": "date", "required": true }
          ]
        },
        {
          "key": "costs", "title": "Costs", "columns": 1,
          "fields": [
            {
              "key": "Lines", "label": "Expense lines", "type": "repeatingGroup", "required": true, "minRows": 1, "maxRows": 3,
              "columns": [
                { "key": "Item", "label": "Item", "type": "text", "required": true, "maxLength": 80 },
                { "key": "Amount", "label": "Amount", "type": "money", "currency": "CNY", "required": true, "min": 0.01 }
              ]
            },
            { "key": "Total", "label": "Total", "type": "money", "currency": "CNY", "computed": "form.Lines.Sum(\"Amount\")" },
            { "key": "Justification", "label": "Justification", "type": "multiLineText", "visibleWhen": "form.Total > 1000", "required": true },
            {
              "key": "Receipts", "label": "Receipts", "type": "fileUpload", "requiredWhen": "form.Total > 1000",
              "files": { "maxFiles": 2, "maxSizeBytes": 1000, "allowedContentTypes": [ "application/pdf", "image/*" ] }
            }
          ]
        }
      ],
      "rules": [ { "expression": "form.EndDate >= form.StartDate", "message": "The end date cannot be before the start date.", "fields": [ "EndDate", "StartDate" ] } ]
    }
    """;

    /// <summary>One required field of every type, each with help text.</summary>
    public static FormSchema EveryFieldType() => Parse("""
    {
      "optionSets": { "sizes": [ { "value": "S" }, { "value": "M" }, { "value": "L" } ] },
      "sections": [
        {
          "key": "all", "title": "All", "columns": 3,
          "fields": [
            { "key": "Title", "label": "Title", "type": "text", "required": true, "help": "Help for Title" },
            { "key": "Details", "label": "Details", "type": "multiLineText", "required": true, "help": "Help for Details" },
            { "key": "Count", "label": "Count", "type": "number", "required": true, "help": "Help for Count" },
            { "key": "Price", "label": "Price", "type": "money", "currency": "USD", "required": true, "help": "Help for Price" },
            { "key": "Due", "label": "Due", "type": "date", "required": true, "help": "Help for Due" },
            { "key": "At", "label": "At", "type": "dateTime", "required": true, "help": "Help for At" },
            { "key": "Size", "label": "Size", "type": "singleSelect", "options": { "set": "sizes" }, "required": true, "help": "Help for Size" },
            { "key": "Tags", "label": "Tags", "type": "multiSelect", "options": { "items": [ { "value": "a", "label": "A" }, { "value": "b", "label": "B" } ] }, "required": true, "help": "Help for Tags" },
            { "key": "Urgency", "label": "Urgency", "type": "radio", "options": { "items": [ { "value": "low" }, { "value": "high" } ] }, "required": true, "help": "Help for Urgency" },
            { "key": "Agree", "label": "Agree", "type": "checkbox", "required": true, "help": "Help for Agree" },
            { "key": "Owner", "label": "Owner", "type": "userPicker", "required": true, "help": "Help for Owner" },
            { "key": "Team", "label": "Team", "type": "teamPicker", "required": true, "help": "Help for Team" },
            { "key": "Asset", "label": "Asset", "type": "assetLookup", "options": { "url": "https://cmdb.example.com/assets" }, "required": true, "help": "Help for Asset" },
            { "key": "Photos", "label": "Photos", "type": "fileUpload", "files": { "maxFiles": 3 }, "required": true, "help": "Help for Photos" },
            { "key": "Notes", "label": "Notes", "type": "richText", "required": true, "help": "Help for Notes" },
            { "key": "Parts", "label": "Parts", "type": "repeatingGroup", "minRows": 1, "required": true, "help": "Help for Parts",
              "columns": [ { "key": "Part", "label": "Part", "type": "text", "required": true }, { "key": "Qty", "label": "Qty", "type": "number" } ] }
          ]
        }
      ]
    }
    """);
}
