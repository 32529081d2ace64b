using LowCode.Forms.Tests.Support;
using Xunit;

namespace LowCode.Forms.Tests.Validation;

/// <summary>The expense approval form end to end, as the portal submits it.</summary>
public sealed class ExpenseFormTests
{
    private const string Receipt = """{ "id": "att-1", "name": "hotel.pdf", "size": 120000, "contentType": "application/pdf" }""";

    [Fact]
    public void A_small_claim_is_valid_and_its_total_is_computed()
    {
        var result = Data.Validate(SampleForms.Expense(), """
            { "Department": "IT", "StartDate": "2026-03-02", "EndDate": "2026-03-04",
              "Lines": [ { "Item": "Taxi", "Amount": 120.5 }, { "Item": "Meal", "Amount": 80 } ] }
            """);

        Assert.True(result.IsValid, Data.Codes(result));
        Assert.Equal(200.5m, result.CleanData["Total"]);
    }

    [Fact]
    public void A_claim_over_1000_needs_a_receipt()
    {
        const string claim = """
            { "Department": "FIN", "StartDate": "2026-03-02", "EndDate": "2026-03-04",
              "Lines": [ { "Item": "Hotel", "Amount": 900 }, { "Item": "Flight", "Amount": 600 } ]{0} }
            """;

        var without = Data.Validate(SampleForms.Expense(), claim.Replace("{0}", ""));
        var with = Data.Validate(SampleForms.Expense(), claim.Replace("{0}", $$""", "Receipts": [{{Receipt}}]"""));

        Assert.Equal("Receipts:required", Data.Codes(without));
        Assert.True(with.IsValid, Data.Codes(with));
        Assert.Equal(1500m, with.CleanData["Total"]);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_row_paths()
    {
        var result = Data.Validate(SampleForms.Expense(), """
            { "Department": "HR", "StartDate": "2026-03-05", "EndDate": "2026-03-01",
              "Lines": [ { "Item": "Taxi", "Amount": 10 }, { "Item": "", "Amount": -5 } ], "Approver": "boss" }
            """);

        Assert.Equal("Approver:unknown-field Department:option Lines[1].Item:required Lines[1].Amount:min EndDate:rule", Data.Codes(result));
        Assert.Equal("The end date cannot be before the start date.", result.Problems[^1].Message);
    }

    [Fact]
    public void At_least_one_expense_line_is_required() =>
        Assert.Equal("Lines:required", Data.Codes(Data.Validate(SampleForms.Expense(),
            """{ "Department": "IT", "StartDate": "2026-03-02", "EndDate": "2026-03-02", "Lines": [] }""")));
}
