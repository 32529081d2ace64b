using LowCode.Designer.TicketTypes.Editing;
using LowCode.Designer.Tests.Support;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Validation;

namespace LowCode.Designer.Tests;

public sealed class DesignerSessionTests
{
    private static async Task<(DesignerSession Session, FakeDesignerBackend Backend)> Open(TicketTypeDefinition definition)
    {
        var backend = new FakeDesignerBackend();
        await backend.CreateAsync(definition, "analyst");
        return (new DesignerSession((await backend.GetDraftAsync(definition.Key))!, backend, "analyst"), backend);
    }

    [Fact]
    public async Task Undo_and_redo_walk_the_changes_back_and_forth()
    {
        var (session, _) = await Open(ReferenceTicketTypes.ExpenseApproval());
        var original = session.Definition.Name;
        session.Apply("rename", session.Definition with { Name = "Travel expenses" });
        session.Apply("category", session.Definition with { Category = "Travel" });

        Assert.True(session.IsDirty);
        Assert.Equal("category", session.UndoDescription);
        session.Undo();
        Assert.Equal("Travel expenses", session.Definition.Name);
        Assert.NotEqual("Travel", session.Definition.Category);
        session.Undo();
        Assert.Equal(original, session.Definition.Name);
        Assert.False(session.CanUndo);
        session.Redo();
        session.Redo();
        Assert.Equal(("Travel expenses", "Travel"), (session.Definition.Name, session.Definition.Category));
        Assert.False(session.CanRedo);
    }

    [Fact]
    public async Task A_new_change_after_undo_drops_the_redo_history()
    {
        var (session, _) = await Open(ReferenceTicketTypes.ExpenseApproval());
        session.Apply("a", session.Definition with { Name = "A" });
        session.Undo();
        session.Apply("b", session.Definition with { Name = "B" });
        Assert.False(session.CanRedo);
        Assert.Equal("B", session.Definition.Name);
    }

    [Fact]
    public async Task Publishing_is_refused_while_the_working_copy_has_problems_and_then_creates_the_next_version()
    {
        var (session, backend) = await Open(ReferenceTicketTypes.ExpenseApproval());
        session.Apply("no name", session.Definition with { Name = "" });

        var refused = await session.PublishAsync();
        Assert.False(refused.Succeeded);
        Assert.Contains(session.Problems, p => p.Path == "name");
        Assert.Empty(backend.Versions.GetValueOrDefault(session.Key) ?? []);

        session.Undo();
        var published = await session.PublishAsync();
        Assert.True(published.Succeeded, published.Error);
        Assert.Equal(1, published.Value!.Version);
        Assert.Equal(1, session.LatestVersion);
        Assert.False(session.IsDirty);
    }

    [Fact]
    public async Task Selecting_a_problem_moves_to_the_tab_that_shows_what_it_names()
    {
        var (session, _) = await Open(ReferenceTicketTypes.ExpenseApproval());

        session.Select(DesignerSelection.Of(new ValidationProblem("x", "m") { NodeId = "approve" }));
        Assert.Equal(DesignerTab.Flow, session.Tab);
        Assert.Equal(new NodeSelection(["approve"]), session.Selection);

        session.Select(DesignerSelection.Of(new ValidationProblem(TicketTypeCompiler.FormProblemCode, "m") { Path = "taskForms.review.sections[0].fields[1].label" }));
        Assert.Equal(DesignerTab.Form, session.Tab);
        Assert.Equal(new FieldSelection("review", "sections[0].fields[1].label"), session.Selection);

        session.Select(DesignerSelection.Of(new ValidationProblem("invalid-rule", "m") { Path = "dispatchRules[0].filter" }));
        Assert.Equal(DesignerTab.Settings, session.Tab);
    }
}
