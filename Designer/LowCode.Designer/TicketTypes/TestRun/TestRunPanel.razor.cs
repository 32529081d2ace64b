using System.Collections.Immutable;
using System.Globalization;
using LowCode.Designer.Localization;
using LowCode.Designer.TicketTypes.Editing;
using LowCode.Forms.Validation;
using LowCode.Grains.TicketTypes;
using LowCode.Grains.TicketTypes.TestRuns;
using LowCode.Runtime.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LowCode.Designer.TicketTypes.TestRun;

/// <summary>
/// The designer's test run: the draft (as it stands in the session) run by <see cref="Grains.TicketTypes.TestRuns.TestRun"/>
/// on a virtual clock, with sample form data, priority and agent pool. The analyst completes tasks, answers http
/// calls and moves the clock on; after every step the path is shown on the canvas (<see cref="DesignerSession.ShowRun"/>).
/// Nothing is stored or sent. Leaving the panel ends the run and clears the highlight.
/// </summary>
public partial class TestRunPanel : ComponentBase, IDisposable
{
    [Parameter, EditorRequired] public DesignerSession Session { get; set; } = default!;

    [Inject] private IStringLocalizer<TestRunText> Text { get; set; } = default!;
    [Inject] private CalendarCatalog Calendars { get; set; } = default!;

    private ImmutableDictionary<string, object?> _form = ImmutableDictionary<string, object?>.Empty;
    private string _formJson = "{}";
    private string? _formJsonError;
    private string _priority = "P3";
    private DateTime _startAt = TestRunSetup.DefaultStart.DateTime;
    private List<SampleAgent> _agents = [.. SampleOrganisation.Default.Agents];

    private Grains.TicketTypes.TestRuns.TestRun? _run;
    private IReadOnlyList<ValidationProblem> _problems = [];
    private IReadOnlyList<FormProblem> _formProblems = [];
    private string? _error;
    private readonly Dictionary<string, ImmutableDictionary<string, object?>> _taskData = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _comments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _httpBodies = new(StringComparer.Ordinal);

    private static TimeSpan Offset => TestRunSetup.DefaultStart.Offset;

    /// <summary>Priorities the draft's SLA names, else P1–P4.</summary>
    private IReadOnlyList<string> Priorities =>
        Session.Definition.Workflow?.Sla?.Policies is { Count: > 0 } policies
            ? [.. policies.Where(p => p is not null).Select(p => p.Priority).Distinct()]
            : ["P1", "P2", "P3", "P4"];

    private void FormChanged(ImmutableDictionary<string, object?> values)
    {
        _form = values;
        _formJson = SampleDataJson.Write(values);
        _formJsonError = null;
    }

    private void FormJsonChanged(ChangeEventArgs e)
    {
        _formJson = e.Value as string ?? "";
        var (data, error) = SampleDataJson.Read(_formJson);
        _formJsonError = error;
        if (data is not null) _form = data;
    }

    private void Start()
    {
        _error = null;
        var setup = new TestRunSetup
        {
            Form = _form,
            Priority = _priority,
            StartAt = new DateTimeOffset(DateTime.SpecifyKind(_startAt, DateTimeKind.Unspecified), Offset),
            Organisation = SampleOrganisation.Default with { Agents = [.. _agents] },
        };
        var start = Grains.TicketTypes.TestRuns.TestRun.Start(Session.Definition, setup, Calendars.All, (Session.LatestVersion ?? 0) + 1);
        (_run, _problems, _formProblems) = (start.Run, start.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList(), start.FormProblems);
        Show();
    }

    private void Reset()
    {
        _run = null;
        _problems = [];
        _formProblems = [];
        _error = null;
        _taskData.Clear();
        _comments.Clear();
        _httpBodies.Clear();
        Session.ShowRun(RunHighlight.None);
    }

    private void Complete(string taskId, string action) => Step(_run!.Complete(taskId, action, _taskData.GetValueOrDefault(taskId), _comments.GetValueOrDefault(taskId)));

    private void AnswerHttp(string requestId, bool succeeded) => Step(_run!.AnswerHttpCall(requestId, succeeded, _httpBodies.GetValueOrDefault(requestId, "{}")));

    private void CloseChild(string requestId) => Step(_run!.CloseChildTicket(requestId, Runtime.Definitions.Resolutions.Resolved));

    private void Advance(TimeSpan span) => Step(_run!.Advance(span));

    private void AdvanceToNext() => Step(_run!.AdvanceToNextDue());

    private void Step(TestRunOutcome outcome)
    {
        _error = outcome.Succeeded ? null
            : outcome.FormProblems.Count == 0 ? outcome.Error
            : $"{outcome.Error} {string.Join("; ", outcome.FormProblems.Select(p => $"{p.Path}: {p.Message}"))}";
        Show();
    }

    /// <summary>The run's path on the canvas (nothing when no run).</summary>
    private void Show() => Session.ShowRun(_run is null ? RunHighlight.None
        : new RunHighlight(new HashSet<string>(_run.Visited), new HashSet<string>(_run.Current), new HashSet<int>(_run.TakenConnections)));

    private string Time(DateTimeOffset? at) => at is { } t ? t.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm ddd", CultureInfo.CurrentCulture) : "—";

    private string NodeName(string? nodeId) =>
        nodeId is not null && _run?.Plan.Nodes.TryGetValue(nodeId, out var node) == true ? node.Node.DisplayName : nodeId ?? "";

    /// <summary>A person as the sample organisation names them: "吴昊 Wu Hao (tech-wu)", or the id alone.</summary>
    private string PersonName(string id) => _agents.Find(a => a.Id == id) is { Name.Length: > 0 } agent ? $"{agent.Name} ({id})" : id;

    private void SetAgent((int Index, SampleAgent Agent) change) => _agents[change.Index] = change.Agent;

    private void AddAgent() => _agents.Add(new SampleAgent($"agent-{_agents.Count + 1}", "") { Region = "SH" });

    private void RemoveAgent(int index) => _agents.RemoveAt(index);

    public void Dispose()
    {
        if (!Session.Run.IsEmpty) Session.ShowRun(RunHighlight.None);
        GC.SuppressFinalize(this);
    }
}
