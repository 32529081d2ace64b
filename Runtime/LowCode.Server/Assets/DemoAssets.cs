namespace LowCode.Server.Assets;

/// <summary>One piece of equipment a repair can be about: its asset tag (stored in the form), its name, and where it stands.</summary>
public sealed record Asset(string Tag, string Name, string Site, string Location);

/// <summary>
/// The host's built-in asset register for the demo: the equipment of the repair scenarios (air conditioning, lifts,
/// switchboards, CNC machines, presses…) at the three plants. A real installation points the repair form's lookup at
/// its CMDB instead; this one answers <c>GET /api/assets?q=</c> in the same JSON shape.
/// </summary>
public static class DemoAssets
{
    public static readonly IReadOnlyList<Asset> All =
    [
        new("SH-AC-0301", "空调 Air conditioner, office 3F (Daikin VRV)", "SH", "上海工厂 办公楼 3F"),
        new("SH-AC-0105", "空调 Air conditioner, server room (precision)", "SH", "上海工厂 机房"),
        new("SH-CH-0002", "冷水机 Chiller 2", "SH", "上海工厂 动力站"),
        new("SH-EL-0001", "电梯 Passenger lift A", "SH", "上海工厂 办公楼"),
        new("SH-EL-0004", "电梯 Freight lift 4", "SH", "上海工厂 仓库"),
        new("SH-SB-00B2", "配电柜 Switchboard B2", "SH", "上海工厂 配电室"),
        new("SH-PR-0004", "冲压机 Press #4", "SH", "上海工厂 冲压车间"),
        new("SH-CV-0007", "输送带 Conveyor 7", "SH", "上海工厂 装配线"),
        new("BJ-CNC-0012", "数控机床 CNC lathe 12 (Mazak)", "BJ", "北京工厂 机加工车间"),
        new("BJ-CNC-0015", "数控机床 CNC machining centre 15", "BJ", "北京工厂 机加工车间"),
        new("BJ-SB-00A1", "配电柜 Switchboard A1", "BJ", "北京工厂 配电室"),
        new("BJ-AC-0201", "空调 Air conditioner, meeting room 2F", "BJ", "北京工厂 办公楼 2F"),
        new("BJ-PRN-0003", "打印机 Printer 3F", "BJ", "北京工厂 办公楼 3F"),
        new("SZ-EL-0002", "电梯 Passenger lift B", "SZ", "深圳工厂 办公楼"),
        new("SZ-CP-0001", "空压机 Air compressor 1", "SZ", "深圳工厂 动力站"),
        new("SZ-IM-0006", "注塑机 Injection moulder 6", "SZ", "深圳工厂 注塑车间"),
    ];

    /// <summary>Assets whose tag, name or location contains the text (any case), at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<Asset> Search(string? text, int limit = 20)
    {
        var q = text?.Trim() ?? "";
        return [.. All.Where(a => q.Length == 0 || a.Tag.Contains(q, StringComparison.OrdinalIgnoreCase) || a.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
            || a.Location.Contains(q, StringComparison.OrdinalIgnoreCase)).Take(limit)];
    }
}
