using System.Collections.Immutable;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Expressions.Context;
using LowCode.Runtime.Scripting;
using Xunit;

namespace LowCode.Runtime.Tests.Scripting;

/// <summary>A purchase-request ticket type with a form field and a variable of every data type.</summary>
internal static class ScriptTestKit
{
    public static readonly ScriptCompiler Compiler = new();

    public static readonly FieldSchema[] LineColumns = [new("Item", DataType.Text), new("Amount", DataType.Money)];

    public static readonly ExpressionSchema Schema = new(
        [
            new("Title", DataType.Text), new("Amount", DataType.Number), new("Budget", DataType.Money),
            new("Urgent", DataType.Boolean), new("Due", DataType.Date), new("DueAt", DataType.DateTime),
            new("Site", DataType.Choice), new("Tags", DataType.MultiChoice), new("Owner", DataType.User),
            new("Team", DataType.Team), new("Attachments", DataType.File), new("Lines", DataType.Table) { Columns = LineColumns },
        ],
        [
            new("Level", DataType.Number), new("Cost", DataType.Money), new("Note", DataType.Text), new("Approved", DataType.Boolean),
            new("Deadline", DataType.DateTime), new("Labels", DataType.MultiChoice), new("Rows", DataType.Table) { Columns = LineColumns },
            new("Assignee", DataType.User),
        ]);

    public static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 30, 0, TimeSpan.Zero);

    public static ImmutableDictionary<string, object?> Row(string item, decimal amount) =>
        ImmutableDictionary<string, object?>.Empty.Add("Item", item).Add("Amount", amount);

    /// <summary>Stored (JSON-natural) values, as a submitted form holds them.</summary>
    public static ExpressionScope Scope() => new()
    {
        Form = new Dictionary<string, object?>
        {
            ["Title"] = "Broken chair", ["Amount"] = 1250.50m, ["Budget"] = "900", ["Urgent"] = true,
            ["Due"] = "2025-03-10", ["DueAt"] = "2025-03-10T17:00:00+00:00", ["Site"] = "Berlin",
            ["Tags"] = ImmutableArray.Create<object?>("safety", "office"), ["Owner"] = "u-42", ["Team"] = "facilities",
            ["Attachments"] = ImmutableArray.Create<object?>("photo.jpg"),
            ["Lines"] = ImmutableArray.Create<object?>(Row("Chair", 100m), Row("Desk", 200m)),
        }.ToImmutableDictionary(),
        Vars = ImmutableDictionary<string, object?>.Empty.Add("Level", 1m).Add("Note", "first"),
        Ticket = new TicketInfo("T-1", "purchase", "P2", "open", "Chair for room 4", Now.AddDays(-1)),
        Requester = new PersonInfo("u-7", "Ada") { Department = "Finance", IsVip = true, Roles = new TagSet(["manager"]) },
        Agent = new AgentInfo("a-1", "Grace") { Skills = new TagSet(["electrical"]), SkillLevels = ImmutableDictionary<string, int>.Empty.Add("electrical", 4) },
        Now = Now,
    };

    public static readonly ScriptLimits Generous = new(TimeSpan.FromSeconds(30), 10_000_000, 256L * 1024 * 1024);

    /// <summary>The default step and memory limits without the time pressure a busy test machine would add.</summary>
    public static readonly ScriptLimits Patient = ScriptLimits.Default with { MaxDuration = TimeSpan.FromSeconds(30) };

    public static CompiledScript Compile(string code)
    {
        var result = Compiler.Compile(code, Schema);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Script!;
    }

    /// <summary>Runs with generous limits: tests about limits say which ones they mean.</summary>
    public static ImmutableDictionary<string, object?> Run(string code, ExpressionScope? scope = null, ScriptLimits? limits = null) =>
        Compile(code).Run(scope ?? Scope(), limits ?? Generous).ChangedVariables;

    public static IReadOnlyList<ScriptDiagnostic> Errors(string code)
    {
        var result = Compiler.Compile(code, Schema);
        Assert.False(result.Succeeded, "expected the script to be refused");
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    public static ScriptRuntimeException Fails(string code, ScriptLimits? limits = null) =>
        Assert.Throws<ScriptRuntimeException>(() => Compile(code).Run(Scope(), limits ?? Patient));
}
