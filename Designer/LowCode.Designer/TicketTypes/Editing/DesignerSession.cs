using System.Text.Json;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Json;
using LowCode.Runtime.Validation;

namespace LowCode.Designer.TicketTypes.Editing;

/// <summary>
/// One analyst editing one ticket type: the working copy every panel (canvas, form designer, settings, test run)
/// reads and changes, undo/redo over every change, the selection, and the problems of the working copy.
/// The working copy is treated as immutable: a panel builds the next definition (records with <c>with</c>,
/// new lists) and hands it to <see cref="Apply"/>. Saving goes through the backend — the same validation as the API.
/// </summary>
public sealed class DesignerSession(TicketTypeDraft draft, ITicketTypeDesignerBackend backend, string actor)
{
    private const int UndoDepth = 200;
    private readonly LinkedList<Snapshot> _undo = new();
    private readonly Stack<Snapshot> _redo = new();

    public string Key => Definition.Key;
    public TicketTypeDefinition Definition { get; private set; } = draft.Definition;
    public int? LatestVersion { get; private set; } = draft.LatestVersion;
    public bool HasUnpublishedChanges { get; private set; } = draft.HasUnpublishedChanges;
    public DateTimeOffset UpdatedAt { get; private set; } = draft.UpdatedAt;
    public string UpdatedBy { get; private set; } = draft.UpdatedBy;
    public string Actor => actor;
    public ITicketTypeDesignerBackend Backend => backend;

    /// <summary>The working copy differs from the saved draft.</summary>
    public bool IsDirty { get; private set; }

    /// <summary>The problems of the working copy at its last check (<see cref="Check"/>) or save.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; private set; } = draft.Problems ?? [];
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public DesignerSelection? Selection { get; private set; }

    /// <summary>The tab the editor shows; selecting something moves to the tab that shows it.</summary>
    public DesignerTab Tab { get; private set; } = DesignerTab.Flow;

    /// <summary>Something changed: the working copy, problems, selection or tab. Panels re-render.</summary>
    public event Action? Changed;

    /// <summary>
    /// What a test run shows on the canvas: nodes the run has passed through, nodes where it waits now, and the
    /// connections it took (indexes into the workflow's connections). Empty when no test run is shown.
    /// </summary>
    public RunHighlight Run { get; private set; } = RunHighlight.None;

    public void ShowRun(RunHighlight run)
    {
        Run = run;
        Raise();
    }

    public bool CanUndo => _undo.Count > 0;
    public bool CanRedo => _redo.Count > 0;
    public string? UndoDescription => _undo.Last?.Value.Description;
    public string? RedoDescription => _redo.TryPeek(out var s) ? s.Description : null;

    /// <summary>Replaces the working copy with <paramref name="next"/> as one undoable step.</summary>
    public void Apply(string description, TicketTypeDefinition next)
    {
        if (ReferenceEquals(next, Definition)) return;
        _undo.AddLast(new Snapshot(description, Serialize(Definition)));
        if (_undo.Count > UndoDepth) _undo.RemoveFirst();
        _redo.Clear();
        Definition = next with { Key = Key };
        IsDirty = true;
        Raise();
    }

    public void Undo()
    {
        if (_undo.Last is not { } last) return;
        _undo.RemoveLast();
        _redo.Push(last.Value with { Json = Serialize(Definition) });
        Definition = Deserialize(last.Value.Json);
        IsDirty = true;
        Raise();
    }

    public void Redo()
    {
        if (!_redo.TryPop(out var next)) return;
        _undo.AddLast(next with { Json = Serialize(Definition) });
        Definition = Deserialize(next.Json);
        IsDirty = true;
        Raise();
    }

    public void Select(DesignerSelection? selection)
    {
        Selection = selection;
        if (selection is not null) Tab = selection.Tab;
        Raise();
    }

    public void ShowTab(DesignerTab tab)
    {
        Tab = tab;
        Raise();
    }

    /// <summary>Checks the working copy with the compiler publishing uses, without saving.</summary>
    public IReadOnlyList<ValidationProblem> Check()
    {
        Problems = backend.Check(Definition, (LatestVersion ?? 0) + 1);
        Raise();
        return Problems;
    }

    /// <summary>Saves the working copy as the draft (drafts may have problems; they come back with it).</summary>
    public async Task<DesignerResult<TicketTypeDraft>> SaveAsync()
    {
        var result = await backend.SaveDraftAsync(Definition, actor);
        if (result.Succeeded)
        {
            var saved = result.Value!;
            Problems = saved.Problems ?? [];
            LatestVersion = saved.LatestVersion;
            HasUnpublishedChanges = saved.HasUnpublishedChanges;
            UpdatedAt = saved.UpdatedAt;
            UpdatedBy = saved.UpdatedBy;
            IsDirty = false;
        }
        else if (result.Problems.Count > 0) Problems = result.Problems;
        Raise();
        return result;
    }

    /// <summary>Saves, then publishes the next immutable version; refused while the draft has problems.</summary>
    public async Task<DesignerResult<PublishedVersion>> PublishAsync()
    {
        var saved = await SaveAsync();
        if (!saved.Succeeded) return DesignerResult<PublishedVersion>.Fail(saved.Error!, saved.Problems);
        if (HasErrors) return DesignerResult<PublishedVersion>.Fail($"{Problems.Count(p => p.Severity == ProblemSeverity.Error)} problem(s) must be fixed before publishing.", Problems);
        var result = await backend.PublishAsync(Key, actor);
        if (result.Succeeded)
        {
            LatestVersion = result.Value!.Version;
            HasUnpublishedChanges = false;
        }
        else if (result.Problems.Count > 0) Problems = result.Problems;
        Raise();
        return result;
    }

    private void Raise() => Changed?.Invoke();

    private static string Serialize(TicketTypeDefinition definition) => JsonSerializer.Serialize(definition, LowCodeJson.Options);
    private static TicketTypeDefinition Deserialize(string json) => JsonSerializer.Deserialize<TicketTypeDefinition>(json, LowCodeJson.Options)!;

    private sealed record Snapshot(string Description, string Json);
}

/// <summary>A test run's path for the canvas to highlight.</summary>
public sealed record RunHighlight(IReadOnlySet<string> Visited, IReadOnlySet<string> Current, IReadOnlySet<int> Connections)
{
    public static readonly RunHighlight None = new(new HashSet<string>(), new HashSet<string>(), new HashSet<int>());
    public bool IsEmpty => Visited.Count == 0 && Current.Count == 0;
}
