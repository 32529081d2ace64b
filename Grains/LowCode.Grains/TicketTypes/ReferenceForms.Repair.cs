using LowCode.Forms.Schema;

namespace LowCode.Grains.TicketTypes;

/// <summary>
/// The forms of the reference ticket types, written to exercise the form schema: sections and columns,
/// option sets, an asset lookup, conditional visibility, file uploads with limits, a repeating group,
/// a computed total and a cross-field date rule. Keys are English (expressions name them); labels are bilingual.
/// </summary>
public static partial class ReferenceForms
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>设备报修: which device, where, what is wrong, photos, how urgent.</summary>
    public static FormSchema EquipmentRepair() => new()
    {
        OptionSets = new()
        {
            ["sites"] = [new("SH", "上海工厂 Shanghai plant"), new("BJ", "北京工厂 Beijing plant"), new("SZ", "深圳工厂 Shenzhen plant")],
            ["priorities"] = [new("P1", "P1 紧急 Critical"), new("P2", "P2 高 High"), new("P3", "P3 中 Normal"), new("P4", "P4 低 Low")],
        },
        Sections =
        [
            new FormSection
            {
                Key = "device", Title = "设备信息 Device", Columns = 2,
                Fields =
                [
                    new FormField
                    {
                        Key = "Asset", Label = "设备 Asset", Type = FieldType.AssetLookup, Required = true, ColumnSpan = 2,
                        Help = "按资产编号或名称搜索，如 冲压机 Press #4 / Search by asset tag or name",
                        Options = new OptionSource { Url = "/api/assets" }, // the host's demo asset register; a CMDB address in real use
                    },
                    new FormField { Key = "Site", Label = "厂区 Site", Type = FieldType.SingleSelect, Required = true, Options = new OptionSource { Set = "sites" } },
                    new FormField
                    {
                        Key = "Category", Label = "故障类型 Fault type", Type = FieldType.SingleSelect, Required = true,
                        Options = new OptionSource
                        {
                            Items = [new("electrical", "电气 Electrical"), new("mechanical", "机械 Mechanical"), new("hvac", "暖通 HVAC"), new("it", "IT 设备 IT")],
                        },
                    },
                ],
            },
            new FormSection
            {
                Key = "fault", Title = "故障情况 Fault", Columns = 2,
                Fields =
                [
                    new FormField
                    {
                        Key = "Description", Label = "故障描述 Fault description", Type = FieldType.RichText, Required = true, ColumnSpan = 2, MaxLength = 2000,
                        Placeholder = "现象、发生时间、已做的处理 / What happens, since when, what was tried",
                    },
                    new FormField { Key = "Urgent", Label = "已停产 Production stopped", Type = FieldType.Checkbox },
                    new FormField
                    {
                        Key = "StoppedSince", Label = "停产时间 Stopped since", Type = FieldType.DateTime, VisibleWhen = "form.Urgent", RequiredWhen = "form.Urgent",
                    },
                    new FormField { Key = "Priority", Label = "优先级 Priority", Type = FieldType.Radio, Default = "P3", Options = new OptionSource { Set = "priorities" } },
                    new FormField
                    {
                        Key = "Photos", Label = "现场照片 Photos", Type = FieldType.FileUpload, ColumnSpan = 2, Help = "最多 6 张，每张不超过 10 MB / Up to 6 images, 10 MB each",
                        Files = new FileConstraints { MaxFiles = 6, MaxSizeBytes = 10 * Megabyte, AllowedContentTypes = ["image/*"] },
                    },
                ],
            },
        ],
    };

    /// <summary>维修记录: what the technician did, what the parts cost, photos after the repair.</summary>
    public static FormSchema RepairReport() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "report", Title = "维修记录 Repair report", Columns = 2,
                Fields =
                [
                    new FormField { Key = "RepairNotes", Label = "维修记录 Repair notes", Type = FieldType.MultiLineText, ColumnSpan = 2, MaxLength = 2000 },
                    new FormField { Key = "PartsCost", Label = "备件费用 Parts cost", Type = FieldType.Money, Currency = "CNY", Min = 0 },
                    new FormField
                    {
                        Key = "RepairPhotos", Label = "维修后照片 Photos after repair", Type = FieldType.FileUpload,
                        Files = new FileConstraints { MaxFiles = 6, MaxSizeBytes = 10 * Megabyte, AllowedContentTypes = ["image/*"] },
                    },
                ],
            },
        ],
    };

    /// <summary>质检: the inspector's checks and notes.</summary>
    public static FormSchema QualityCheck() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "inspection", Title = "质检 Quality check", Columns = 1,
                Fields =
                [
                    new FormField
                    {
                        Key = "Checks", Label = "检查项 Checks done", Type = FieldType.MultiSelect,
                        Options = new OptionSource { Items = [new("safety", "安全防护 Safety guards"), new("function", "功能测试 Function test"), new("cleanup", "现场清理 Site cleaned")] },
                    },
                    new FormField { Key = "QualityNotes", Label = "质检记录 Quality notes", Type = FieldType.MultiLineText, MaxLength = 2000 },
                ],
            },
        ],
    };
}
