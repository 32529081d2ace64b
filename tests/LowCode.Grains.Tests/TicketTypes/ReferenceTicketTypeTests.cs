using System.Text.Json;
using LowCode.Forms.Checking;
using LowCode.Grains.Contracts;
using LowCode.Grains.Hosting;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Json;
using LowCode.Runtime.Samples;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;

namespace LowCode.Grains.Tests.TicketTypes;

/// <summary>The reference ticket types: their forms pass the form checker, and the engine's samples see the same fields.</summary>
public sealed class ReferenceTicketTypeTests
{
    public static TheoryData<string> Types => ["equipment-repair", "expense-approval"];

    private static TicketTypeDefinition Reference(string key) =>
        key == "equipment-repair" ? ReferenceTicketTypes.EquipmentRepair() : ReferenceTicketTypes.ExpenseApproval();

    [Theory]
    [MemberData(nameof(Types))]
    public void Forms_and_flow_compile_without_problems(string key)
    {
        var definition = Reference(key);

        Assert.All(new[] { definition.Form }.Concat(definition.TaskForms.Values), form => Assert.Empty(FormSchemaChecker.Check(form)));
        Assert.Empty(TicketTypeCompiler.Compile(definition, 1, new CalendarCatalog().All).Problems);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_engine_samples_declare_the_fields_the_forms_have(string key)
    {
        var samples = key == "equipment-repair" ? SampleTicketTypes.EquipmentRepairFields : SampleTicketTypes.ExpenseApprovalFields;

        static string Describe(IEnumerable<Runtime.Expressions.FieldSchema> fields) => string.Join(", ", fields
            .Select(f => $"{f.Key}:{f.Type}[{string.Join(" ", f.Columns.Select(c => $"{c.Key}:{c.Type}"))}]").Order(StringComparer.Ordinal));
        Assert.Equal(Describe(samples), Describe(TicketTypeCompiler.FieldsOf(Reference(key))));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_definition_round_trips_through_json_with_its_forms(string key)
    {
        var json = JsonSerializer.Serialize(Reference(key), LowCodeJson.Indented);
        var back = JsonSerializer.Deserialize<TicketTypeDefinition>(json, LowCodeJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, LowCodeJson.Indented));
        Assert.Contains("\"sections\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"fileUpload\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Orleans_carries_the_definition_and_its_forms_between_silos(string key)
    {
        using var services = new ServiceCollection().AddLowCodeSerialization().BuildServiceProvider();
        var definition = Reference(key);

        var carried = services.GetRequiredService<Serializer>().Deserialize<TicketTypeDefinition>(services.GetRequiredService<Serializer>().SerializeToArray(definition));
        var copied = services.GetRequiredService<DeepCopier>().Copy(definition);

        var json = JsonSerializer.Serialize(definition, LowCodeJson.Options);
        Assert.Equal(json, JsonSerializer.Serialize(carried, LowCodeJson.Options));
        Assert.Equal(json, JsonSerializer.Serialize(copied, LowCodeJson.Options));
        Assert.NotSame(definition.Form, copied.Form);
    }
}
