using LowCode.Grains.ReadModel;

namespace LowCode.Designer.Access;

/// <summary>
/// The signed-in person as pages need them: who they are (the id tickets record), which areas they
/// reach, whether they read internal comments, and which tickets lists may show them.
/// </summary>
public sealed record Viewer(string Id, string Name, IReadOnlySet<UiArea> Areas, bool SeesInternalComments, TicketVisibility Visibility)
{
    public bool Reaches(UiArea area) => Areas.Contains(area);
}
