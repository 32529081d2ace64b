using LowCode.Designer.TicketTypes.Versions;
using LowCode.Designer.Tests.Support;
using LowCode.Grains.TicketTypes;

namespace LowCode.Designer.Tests.Versions;

public sealed class VersionHistoryTests : DesignerTest
{
    [Fact]
    public async Task Lists_who_published_each_version_and_what_changed_since_in_the_working_copy()
    {
        var session = await OpenAsync(ReferenceTicketTypes.ExpenseApproval());
        await session.PublishAsync();
        session.Apply("rename", session.Definition with { Name = "差旅报销 Travel claims" });

        var history = Render<VersionHistory>(p => p.Add(v => v.Session, session));

        history.WaitForAssertion(() => Assert.NotNull(history.Find("tr[data-version='1']")));
        Assert.Contains("analyst", history.Find("tr[data-version='1']").TextContent, StringComparison.Ordinal);
        var change = Assert.Single(history.FindAll("[data-list=changes] li"));
        Assert.Equal(("TicketType", "renamed"), (change.GetAttribute("data-change-area"), change.GetAttribute("data-change-kind")));
        Assert.Contains("差旅报销 Travel claims", change.TextContent, StringComparison.Ordinal);

        history.Find("[data-field=compare-to]").Change("1");
        history.WaitForAssertion(() => Assert.NotNull(history.Find("[data-empty=changes]")));
    }
}
