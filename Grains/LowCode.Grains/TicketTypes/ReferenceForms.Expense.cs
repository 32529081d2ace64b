using LowCode.Forms.Schema;

namespace LowCode.Grains.TicketTypes;

// 费用审批 Expense approval.
public static partial class ReferenceForms
{
    /// <summary>
    /// 费用审批: who and why, the period (end not before start), expense lines (at least one), the total
    /// computed from them (<c>Amount</c>, which the flow's approval levels read), and receipts above 1,000.
    /// </summary>
    public static FormSchema ExpenseClaim() => new()
    {
        OptionSets = new()
        {
            ["departments"] = [new("Sales", "销售部 Sales"), new("Production", "生产部 Production"), new("R&D", "研发部 R&D"), new("Finance", "财务部 Finance"), new("HR", "人力资源部 HR")],
            ["expenseKinds"] = [new("travel", "差旅交通 Travel"), new("hotel", "住宿 Hotel"), new("meals", "餐费 Meals"), new("taxi", "市内交通 Taxi"), new("other", "其他 Other")],
        },
        Sections =
        [
            new FormSection
            {
                Key = "claim", Title = "报销信息 Claim", Columns = 2,
                Fields =
                [
                    new FormField { Key = "Department", Label = "部门 Department", Type = FieldType.SingleSelect, Required = true, Options = new OptionSource { Set = "departments" } },
                    new FormField { Key = "Purpose", Label = "事由 Purpose", Type = FieldType.Text, Required = true, MaxLength = 200, Placeholder = "如 杭州客户拜访 / e.g. Customer visit Hangzhou" },
                    new FormField { Key = "StartDate", Label = "开始日期 From", Type = FieldType.Date, Required = true },
                    new FormField { Key = "EndDate", Label = "结束日期 To", Type = FieldType.Date, Required = true },
                ],
            },
            new FormSection
            {
                Key = "costs", Title = "费用明细 Expenses", Columns = 2,
                Fields =
                [
                    new FormField
                    {
                        Key = "Lines", Label = "费用明细 Expense lines", Type = FieldType.RepeatingGroup, Required = true, MinRows = 1, MaxRows = 50, ColumnSpan = 2,
                        Columns =
                        [
                            new FormField { Key = "Item", Label = "项目 Item", Type = FieldType.Text, Required = true, MaxLength = 100 },
                            new FormField { Key = "Category", Label = "类别 Kind", Type = FieldType.SingleSelect, Options = new OptionSource { Set = "expenseKinds" } },
                            new FormField { Key = "Amount", Label = "金额 Amount", Type = FieldType.Money, Currency = "CNY", Required = true, Min = 0.01m },
                        ],
                    },
                    new FormField
                    {
                        Key = "Amount", Label = "合计 Total", Type = FieldType.Money, Currency = "CNY", ReadOnly = true,
                        Computed = "form.Lines.Sum(\"Amount\")", Help = "按明细自动计算 / Sum of the lines",
                    },
                    new FormField
                    {
                        Key = "Receipts", Label = "发票/收据 Receipts", Type = FieldType.FileUpload, RequiredWhen = "form.Amount > 1000",
                        Help = "合计超过 1,000 元须附发票 / Required above 1,000",
                        Files = new FileConstraints { MaxFiles = 10, MaxSizeBytes = 10 * Megabyte, AllowedContentTypes = ["application/pdf", "image/*"] },
                    },
                ],
            },
        ],
        Rules = [new CrossFieldRule { Expression = "form.EndDate >= form.StartDate", Message = "结束日期不能早于开始日期 The end date cannot be before the start date.", Fields = ["EndDate", "StartDate"] }],
    };
}
