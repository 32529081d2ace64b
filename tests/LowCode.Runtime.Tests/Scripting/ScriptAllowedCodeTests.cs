using Xunit;
using static LowCode.Runtime.Tests.Scripting.ScriptTestKit;

namespace LowCode.Runtime.Tests.Scripting;

/// <summary>Everyday analyst code passes the sandbox and runs as plain C#.</summary>
public sealed class ScriptAllowedCodeTests
{
    [Theory]
    [InlineData("vars.Note = string.Join(\",\", new List<decimal> { 1, 2, 3 }.Where(x => x > 1).Select(x => x * 2));", "4,6")]
    [InlineData("var d = new Dictionary<string, int> { [\"a\"] = 1 }; d[\"b\"] = 2; vars.Note = $\"{d.GetValueOrDefault(\"a\")}{d.Count}{d.ContainsKey(\"c\")}\";", "12False")]
    [InlineData("var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { \"A\" }; vars.Note = seen.Add(\"a\").ToString();", "False")]
    [InlineData("var sb = new StringBuilder(); foreach (var c in \"abc\") sb.Append(char.ToUpper(c)).Append($\"{c}\"); vars.Note = sb.ToString();", "AaBbCc")]
    [InlineData("vars.Note = Math.Round(form.Amount * 1.19m, 2, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture);", "1488.10")]
    [InlineData("var due = form.Due.AddDays(3); vars.Note = $\"{due:yyyy-MM-dd} {due.DayOfWeek} {(due - now).TotalDays}\";", "2025-03-13 Thursday 9.604166666666666")]
    [InlineData("var day = DateOnly.FromDateTime(now.UtcDateTime); vars.Note = day.AddMonths(1).ToString(\"yyyy-MM\") + TimeSpan.FromHours(36).Days;", "2025-041")]
    [InlineData("var parts = \"a;b;;c\".Split(';', StringSplitOptions.RemoveEmptyEntries); vars.Note = parts.Length + parts[^1];", "3c")]
    [InlineData("var (count, total) = (form.Lines.Count, form.Lines.Sum(\"Amount\")); vars.Note = $\"{count}:{total}\";", "2:300")]
    [InlineData("vars.Note = form.Amount switch { > 1000 => \"big\", > 100 => \"medium\", _ => \"small\" };", "big")]
    [InlineData("object o = form.Title; vars.Note = o is string { Length: > 3 } s ? s[..6] : \"?\";", "Broken")]
    [InlineData("int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2); vars.Note = Fib(15).ToString();", "610")]
    [InlineData("var items = new List<(string Name, decimal Price)>(); for (var i = 0; i < form.Lines.Count; i++) items.Add((form.Lines.Row(i).Text(\"Item\"), form.Lines.Row(i).Number(\"Amount\"))); vars.Note = items.OrderByDescending(x => x.Price).ThenBy(x => x.Name).First().Name;", "Desk")]
    [InlineData("var q = from n in Enumerable.Range(1, 10) where n % 3 == 0 let sq = n * n orderby sq descending select sq; vars.Note = string.Join(\"-\", q);", "81-36-9")]
    [InlineData("var groups = new[] { \"ab\", \"ac\", \"b\" }.GroupBy(s => s[0]).ToDictionary(g => g.Key, g => g.Count()); vars.Note = groups['a'].ToString();", "2")]
    [InlineData("try { vars.Note = int.Parse(\"x\").ToString(); } catch (FormatException) { vars.Note = \"not a number\"; }", "not a number")]
    [InlineData("var arr = new[] { 3, 1, 2 }; Array.Sort(arr); vars.Note = string.Concat(arr) + arr.Length + arr.Contains(2);", "1233True")]
    [InlineData("var n = new int[form.Lines.Count]; n[1] = 5; vars.Note = n.Sum().ToString();", "5")]
    [InlineData("string missing = null; vars.Note = (missing?.Length ?? -1).ToString();", "-1")]
    [InlineData("vars.Note = agent.Skills.Contains(\"electrical\") && agent.Level(\"electrical\") >= 3 ? \"senior\" : \"junior\";", "senior")]
    [InlineData("var labels = form.Tags.ContainsAny(\"safety\", \"x\") ? new TagSet([\"hse\"]) : TagSet.Empty; vars.Labels = labels; vars.Note = labels.ToString();", "hse")]
    [InlineData("var key = Guid.Empty.ToString()[..4]; vars.Note = key + Convert.ToInt32(\"12\") + decimal.Parse(\"1.5\", System.Globalization.CultureInfo.InvariantCulture);", "0000121.5")]
    [InlineData("var total = 0m; var i = 0; while (i < form.Lines.Count) { total += form.Lines.Row(i).Number(\"Amount\"); i++; } vars.Note = total.ToString();", "300")]
    [InlineData("IEnumerable<string> lines = []; for (var i = 0; i < 100; i++) lines = lines.Append(i.ToString()); vars.Note = lines.Count().ToString();", "100")]
    [InlineData("static decimal Vat(decimal net) => net * 0.19m; vars.Note = Vat(100m).ToString();", "19.00")]
    [InlineData("vars.Note = string.Format(\"{0}/{1:N1}\", form.Site, form.Amount) + $\" {form.Budget:F2}\".ToString(CultureInfo.InvariantCulture);", "Berlin/1,250.5 900.00")]
    [InlineData("vars.Note = (form.Title.Contains(\"CHAIR\", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(form.Site)).ToString();", "True")]
    [InlineData("vars.Note = int.TryParse(\"42\", out var n) && char.IsDigit('7') ? (n + Math.Max(1, 2)).ToString() : \"\";", "44")]
    [InlineData("vars.Note = Enum.Parse<DayOfWeek>(\"Monday\") == now.DayOfWeek ? now.ToString(\"dddd\", CultureInfo.InvariantCulture) : \"no\";", "Monday")]
    [InlineData("var scores = new Dictionary<string, int> { [\"a\"] = 2, [\"b\"] = 5 }; var text = \"\"; foreach (var (name, score) in scores) text += name + score; foreach (var pair in scores) text += pair.Key; vars.Note = text;", "a2b5ab")]
    [InlineData("var arr = new[] { 1, 2, 3 }; vars.Note = arr.Contains(2) + \" \" + string.Join(\"\", arr.AsEnumerable().Reverse());", "True 321")]
    [InlineData("IEnumerable<int> s = [0]; for (var i = 0; i < 200; i++) s = s.Select(x => x + 1); vars.Note = s.Sum().ToString();", "200")]
    public void Runs_everyday_analyst_code(string code, string note) =>
        Assert.Equal(note, Run(code)["Note"]);
}
