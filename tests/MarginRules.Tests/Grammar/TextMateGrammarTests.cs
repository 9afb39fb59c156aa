using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarginRules.Language.Binding;
using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;
using Superpower.Display;

namespace MarginRules.Tests.Grammar;

/// <summary>
/// grammar/marginrules.tmLanguage.json: well-formed, every regex valid for .NET (TextMate's Oniguruma shares the
/// subset used), its word lists equal to the language's, and lines highlighted as an editor would.
/// </summary>
public sealed class TextMateGrammarTests
{
    private const string GrammarPath = "grammar/marginrules.tmLanguage.json";

    private static readonly string[] RegexKeys = ["match", "begin", "end", "while"];

    [Fact]
    public void Has_the_required_top_level_fields()
    {
        var root = Load();

        root.GetProperty("name").GetString().ShouldBe("MarginRules");
        root.GetProperty("scopeName").GetString().ShouldBe("source.marginrules");
        root.GetProperty("fileTypes").EnumerateArray().Select(e => e.GetString()).ShouldBe(["margin"]);
        root.GetProperty("patterns").GetArrayLength().ShouldBeGreaterThan(0);
        root.GetProperty("repository").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public void Every_regex_compiles_with_dotnet()
    {
        var patterns = Regexes(Load()).ToList();

        // The grammar has 20 repository entries, each with at least one regex.
        patterns.Count.ShouldBeGreaterThanOrEqualTo(20);
        foreach (var pattern in patterns)
            Should.NotThrow(() => new Regex(pattern), $"regex {pattern}");
    }

    [Fact]
    public void Every_include_names_a_repository_rule_and_every_rule_is_included()
    {
        var root = Load();
        var repository = root.GetProperty("repository").EnumerateObject().Select(p => p.Name).ToHashSet();
        var includes = Includes(root).ToList();

        includes.Where(i => !i.StartsWith('#') || !repository.Contains(i[1..])).ShouldBeEmpty();
        repository.Where(name => !includes.Contains("#" + name)).ShouldBeEmpty();
    }

    [Fact]
    public void Keyword_alternations_hold_exactly_the_keywords_of_TokenKind()
    {
        var keywords = typeof(TokenKind).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<TokenAttribute>())
            .Where(a => a?.Category == "keyword")
            .Select(a => a!.Example!)
            .ToList();
        var alternations = Rule("keywords").GetProperty("patterns").EnumerateArray()
            .Select(p => p.GetProperty("match").GetString()!)
            .ToList();

        alternations.ShouldAllBe(m => Regex.IsMatch(m, @"^\\b\(\?:[a-z_|]+\)\\b$"));
        var words = alternations.SelectMany(Words).ToList();
        words.ShouldBeUnique();
        words.Order(StringComparer.Ordinal).ShouldBe(keywords.Order(StringComparer.Ordinal));

        // TokenKind declares 42 keywords (policy … false, then each); an empty reflection result must not pass.
        keywords.Count.ShouldBe(42);
    }

    [Fact]
    public void Declaration_rules_only_name_keywords_that_introduce_a_name()
    {
        var words = Rule("declarations").GetProperty("patterns").EnumerateArray()
            .SelectMany(p => Words(p.GetProperty("match").GetString()!));

        words.Order(StringComparer.Ordinal).ShouldBe(["export", "fn", "let", "liquidation", "param", "table"]);
    }

    [Fact]
    public void Built_in_functions_are_those_the_binder_knows()
    {
        var words = FirstRuleWords("builtins");

        words.Order(StringComparer.Ordinal).ShouldBe(BindingFacts.Builtins.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Aggregates_are_the_aggregate_kinds()
    {
        var expected = Enum.GetNames<AggregateKind>().Select(n => n.ToLowerInvariant());

        FirstRuleWords("aggregates").Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Type_names_are_the_declarable_types()
    {
        var expected = Enum.GetNames<TypeName>().Select(n => n.ToLowerInvariant());

        FirstRuleWords("types").Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rounding_modes_are_the_modes_round_accepts()
    {
        // RoundingMode.HalfUp is written half_up, and so on.
        var expected = Enum.GetNames<RoundingMode>().Select(n => Regex.Replace(n, "(?<=[a-z])([A-Z])", "_$1").ToLowerInvariant());

        FirstRuleWords("rounding-modes").Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Recipients_and_table_keys_are_the_language_words()
    {
        var recipients = Enum.GetNames<PenaltyRecipient>().Select(n => n.ToLowerInvariant());
        var keys = Enum.GetNames<TableKeyKind>().Where(n => n != nameof(TableKeyKind.Bracket)).Select(n => n.ToLowerInvariant());

        Words(Rule("recipients").GetProperty("patterns")[0].GetProperty("match").GetString()!).Skip(1)
            .Order(StringComparer.Ordinal).ShouldBe(recipients.Order(StringComparer.Ordinal));
        Words(Rule("table-keys").GetProperty("patterns")[0].GetProperty("match").GetString()!).Skip(1)
            .Order(StringComparer.Ordinal).ShouldBe(keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Language_variables_are_the_account_its_collections_and_call_expired()
    {
        var words = FirstRuleWords("language-variables").ToList();

        words.Order(StringComparer.Ordinal).ShouldBe(["account", "call_expired", "debts", "holdings", "positions"]);
        foreach (var collection in words.Where(w => w is not ("account" or "call_expired")))
            BindingFacts.TryGetCollection(collection, out _).ShouldBeTrue(collection);
    }

    [Theory]
    [InlineData("policy \"Aave\" version \"3.3\" currency USD", "policy", "storage.type.marginrules")]
    [InlineData("policy \"Aave\" version \"3.3\" currency USD", "version", "storage.type.marginrules")]
    [InlineData("policy \"Aave\" version \"3.3\" currency USD", "USD", "support.type.currency.marginrules")]
    [InlineData("param close_factor \"Share\": ratio = 50%", "close_factor", "variable.other.constant.parameter.marginrules")]
    [InlineData("param close_factor \"Share\": ratio = 50%", "\"Share\"", "string.quoted.double.marginrules")]
    [InlineData("param close_factor \"Share\": ratio = 50%", "ratio", "support.type.marginrules")]
    [InlineData("param close_factor \"Share\": ratio = 50%", "50%", "constant.numeric.decimal.marginrules")]
    [InlineData("param p: text = \"a\\\"b\\q\"", "\\\"", "constant.character.escape.marginrules")]
    [InlineData("param p: text = \"a\\\"b\\q\"", "\\q", "invalid.illegal.unknown-escape.marginrules")]
    [InlineData("# a comment with \"quotes\", 1_000 and if", "# a comment with \"quotes\", 1_000 and if", "comment.line.number-sign.marginrules")]
    [InlineData("table reserves by asset {", "reserves", "entity.name.type.table.marginrules")]
    [InlineData("table reserves by asset {", "asset", "support.type.table-key.marginrules")]
    [InlineData("  0 ..< 50_000: 0.40%, 0", "..<", "keyword.operator.range.marginrules")]
    [InlineData("  0 ..< 50_000: 0.40%, 0", "50_000", "constant.numeric.decimal.marginrules")]
    [InlineData("  300_000_000 ..: 50.00%, 100_016_300", "..", "keyword.operator.range.marginrules")]
    [InlineData("fn tier(notional: money): money =", "tier", "entity.name.function.marginrules")]
    [InlineData("fn tier(notional: money): money =", "money", "support.type.marginrules")]
    [InlineData("let m = min(p in positions: p.size) + min(a, b)", "size", "variable.other.member.marginrules")]
    [InlineData("let m = min(p in positions: p.size) + max(a, b)", "min", "support.function.aggregate.marginrules")]
    [InlineData("let m = min(p in positions: p.size) + max(a, b)", "max", "support.function.builtin.marginrules")]
    [InlineData("let m = min(p in positions: p.size) + max(a, b)", "positions", "variable.language.marginrules")]
    [InlineData("let c = count(p in positions where p.is_long)", "count", "support.function.aggregate.marginrules")]
    [InlineData("let c = count(p in positions where p.is_long)", "where", "keyword.other.clause.marginrules")]
    [InlineData("let h = sum(h in holdings: price(h.asset) * h.quantity)", "price", "support.function.builtin.marginrules")]
    [InlineData("equity = round(x, 2, half_even)", "half_even", "constant.language.rounding-mode.marginrules")]
    [InlineData("maintenance = tier_maintenance(p.notional)", "tier_maintenance", "entity.name.function.call.marginrules")]
    [InlineData("maintenance = if x then 1 else 2", "if", "keyword.control.conditional.marginrules")]
    [InlineData("export ok = not (a != b) and true", "not", "keyword.operator.logical.marginrules")]
    [InlineData("export ok = not (a != b) and true", "!=", "keyword.operator.comparison.marginrules")]
    [InlineData("export ok = not (a != b) and true", "true", "constant.language.boolean.marginrules")]
    [InlineData("  amount 1_000 USD", "1_000", "constant.numeric.decimal.marginrules")]
    [InlineData("  amount 1_000 USD", "USD", "support.type.currency.marginrules")]
    [InlineData("  take h in holdings by h.value desc", "desc", "keyword.other.clause.marginrules")]
    [InlineData("  penalty fee to insurance", "insurance", "constant.language.recipient.marginrules")]
    [InlineData("  when call_expired", "call_expired", "variable.language.marginrules")]
    [InlineData("liquidation partial \"Half\" {", "partial", "entity.name.section.liquidation.marginrules")]
    [InlineData("let x = a @ b", "@", "invalid.illegal.character.marginrules")]
    public void Highlights_like_the_tokenizer_reads(string line, string text, string scope)
    {
        var tokens = new LineHighlighter(Load()).Highlight(line);

        tokens.ShouldContain(new HighlightedToken(text, scope), string.Join(" | ", tokens));
    }

    [Theory]
    [InlineData("aave-v3.margin")]
    [InlineData("binance-btcusdt.margin")]
    [InlineData("compound-v3.margin")]
    [InlineData("regt-finra-4210.margin")]
    public void Example_policies_highlight_without_invalid_text(string file)
    {
        var highlighter = new LineHighlighter(Load());
        var lines = RepositoryFile.Read("examples/policies/" + file).Split('\n');

        var invalid = lines.SelectMany(highlighter.Highlight).Where(t => t.Scope.StartsWith("invalid", StringComparison.Ordinal)).ToList();

        invalid.ShouldBeEmpty();
    }

    private static JsonElement Load() => JsonDocument.Parse(RepositoryFile.Read(GrammarPath)).RootElement.Clone();

    private static JsonElement Rule(string name) => Load().GetProperty("repository").GetProperty(name);

    private static IEnumerable<string> FirstRuleWords(string rule) =>
        Words(Rule(rule).GetProperty("patterns")[0].GetProperty("match").GetString()!);

    /// <summary>The words of every alternation of lower-case words, such as <c>(?:if|then|else)</c>, in order.</summary>
    private static IEnumerable<string> Words(string pattern) =>
        Regex.Matches(pattern, @"\((?:\?:)?([a-z_]+(?:\|[a-z_]+)*)\)").SelectMany(m => m.Groups[1].Value.Split('|'));

    private static IEnumerable<string> Regexes(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (RegexKeys.Contains(property.Name)) yield return property.Value.GetString()!;
                    else foreach (var nested in Regexes(property.Value)) yield return nested;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    foreach (var nested in Regexes(item)) yield return nested;
                break;
        }
    }

    private static IEnumerable<string> Includes(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "include") yield return property.Value.GetString()!;
                    else foreach (var nested in Includes(property.Value)) yield return nested;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    foreach (var nested in Includes(item)) yield return nested;
                break;
        }
    }
}
