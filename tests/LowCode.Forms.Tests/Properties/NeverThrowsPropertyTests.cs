using System.Text.Json.Nodes;
using CsCheck;
using LowCode.Forms.Checking;
using LowCode.Forms.Schema;
using LowCode.Forms.Tests.Support;
using LowCode.Forms.Validation;
using Xunit;

namespace LowCode.Forms.Tests.Properties;

/// <summary>Whatever JSON arrives — as data or as a schema — validation and checking report, never throw.</summary>
public sealed class NeverThrowsPropertyTests
{
    [Fact]
    public void Arbitrary_data_never_makes_the_validator_throw()
    {
        var forms = new[] { SampleForms.Expense(), SampleForms.EveryFieldType() };
        Gen.Select(Gen.Int[0, 1], RandomJson.Record(3)).Sample((which, data) =>
        {
            // Round-trip through JSON text so values have exactly the shapes the server reads.
            var result = FormValidator.Validate(forms[which], RandomJson.ReadRecord(RandomJson.ToJson(data)));
            Assert.All(result.Problems, p => Assert.False(string.IsNullOrEmpty(p.Code)));
            Assert.All(result.CleanData.Keys, k => Assert.Contains(forms[which].AllFields(), f => f.Key == k));
        }, iter: 400);
    }

    [Fact]
    public void Schemas_with_random_parts_never_make_the_checker_or_validator_throw()
    {
        var original = JsonNode.Parse(FormSchemaJson.Serialize(SampleForms.EveryFieldType()))!;
        var nodeCount = original.AsObject().DescendantsAndSelf().Count();
        var parsed = 0;
        Gen.Select(Gen.Int[0, nodeCount - 1].Array[1, 4], RandomJson.Value(2).Array[4], RandomJson.Record(2)).Sample((spots, values, data) =>
        {
            var mutated = original.DeepClone();
            for (var i = 0; i < spots.Length; i++)
            {
                var target = mutated.AsObject().DescendantsAndSelf().ElementAtOrDefault(spots[i]);
                if (target?.Parent is not null) target.ReplaceWith(JsonNode.Parse(RandomJson.ToJson(values[i])));
            }
            var (schema, error) = FormSchemaJson.Parse(mutated.ToJsonString());
            if (schema is null) { Assert.NotNull(error); return; }
            Interlocked.Increment(ref parsed);
            _ = FormSchemaChecker.Check(schema);
            _ = FormValidator.Validate(schema, data);
        }, iter: 300);
        Assert.True(parsed > 0, "no mutated schema could be read, so the checker was never exercised");
    }
}

/// <summary>Walks a JSON tree.</summary>
internal static class JsonNodeWalk
{
    public static IEnumerable<JsonNode> DescendantsAndSelf(this JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
            foreach (var d in child.DescendantsAndSelf()) yield return d;
    }
}
