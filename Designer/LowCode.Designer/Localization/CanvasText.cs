namespace LowCode.Designer.Localization;

/// <summary>
/// The workflow canvas's UI text, read through <c>IStringLocalizer&lt;CanvasText&gt;</c> from
/// <c>Resources/Localization/CanvasText*.resx</c> (English, and zh-Hans for zh-CN). Each constant is a resource name.
/// </summary>
public sealed class CanvasText
{
    public const string Canvas = nameof(Canvas);
    public const string Palette = nameof(Palette);
    public const string PaletteHint = nameof(PaletteHint);
    public const string Toolbar = nameof(Toolbar);
    public const string ZoomIn = nameof(ZoomIn);
    public const string ZoomOut = nameof(ZoomOut);
    public const string FitToScreen = nameof(FitToScreen);
    public const string AutoLayout = nameof(AutoLayout);
    public const string Delete = nameof(Delete);
    public const string Copy = nameof(Copy);
    public const string Paste = nameof(Paste);
    public const string KeyboardHint = nameof(KeyboardHint);
    public const string HasProblems = nameof(HasProblems);
    public const string RunCurrent = nameof(RunCurrent);
    public const string RunVisited = nameof(RunVisited);
    public const string BusinessTime = nameof(BusinessTime);
    public const string Due = nameof(Due);
    public const string WaitFor = nameof(WaitFor);
    public const string WaitUntil = nameof(WaitUntil);
    public const string Escalations = nameof(Escalations);
    public const string Rule = nameof(Rule);
    public const string AllAgents = nameof(AllAgents);
    public const string Unassigned = nameof(Unassigned);
    public const string Levels = nameof(Levels);
    public const string StalePort = nameof(StalePort);
    public const string Otherwise = nameof(Otherwise);

    // Edit descriptions shown as the undo / redo button's tooltip.
    public const string EditAddStep = nameof(EditAddStep);
    public const string EditConnect = nameof(EditConnect);
    public const string EditDelete = nameof(EditDelete);
    public const string EditMove = nameof(EditMove);
    public const string EditPaste = nameof(EditPaste);
    public const string EditAutoLayout = nameof(EditAutoLayout);

    /// <summary>The resource name of a node kind's label (<c>Kind_userTask</c>).</summary>
    public static string Kind(string kind) => "Kind_" + kind;

    /// <summary>The resource name of a participant kind (<c>Participant_RequesterManager</c>).</summary>
    public static string Participant(string kind) => "Participant_" + kind;
}
