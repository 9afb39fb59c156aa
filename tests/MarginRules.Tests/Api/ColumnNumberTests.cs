using MarginRules.Accounts;
using MarginRules.Evaluation;
using MarginRules.Language.Formatting;
using MarginRules.Language.Parsing;

namespace MarginRules.Tests.Api;

/// <summary><c>table[key][k]</c>: a cell read by a column number computed at run time, checked when evaluated.</summary>
public sealed class ColumnNumberTests
{
    private const string Text = """
        policy "arrays" currency USD
        table arrays "Loss per scenario, per contract" by symbol {
          columns s1: price, s2: price, s3: price
          "ESZ": 100, -50, 300
          default: 0, 0, 0
        }
        fn scenario(k: count): money = sum(p in positions: p.size * arrays[p.symbol][k])
        equity = account.wallet
        maintenance = max(0, scenario(1), scenario(2), scenario(3))
        export chosen = scenario(account.wallet / 1 USD)
        """;

    private static readonly Market Market = TestData.Market(("ESZ", 1m), ("CLZ", 1m));

    // Two ESZ contracts and one CLZ, which takes the default row of zeros; the wallet chooses the column of `chosen`.
    private static Account Book(decimal wallet) =>
        TestData.Account("a", wallet, positions: [new Position("ESZ", 2m, 1m), new Position("CLZ", 1m, 1m)]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_column_number_reads_that_column_of_the_row(bool reference)
    {
        // ESZ's row is 100, -50, 300 per contract: × 2 contracts = 200, -100, 600 (CLZ adds 0), so maintenance is the
        // largest, 600; a wallet of 2 chooses column 2, -100.
        var policy = MarginPolicy.Compile(Text, "arrays.margin", new CompileOptions { UseReferenceEvaluator = reference });
        var result = policy.Evaluate(Book(2m), Market);
        result.Maintenance.ShouldBe(600m);
        result.Exports["chosen"].ShouldBe(-100m);
        policy.Evaluate(Book(3m), Market).Exports["chosen"].ShouldBe(600m);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 4)]
    [InlineData(true, 4)]
    [InlineData(false, 17)]
    [InlineData(true, 17)]
    [InlineData(false, 1.5)]
    [InlineData(true, 1.5)]
    public void A_column_number_that_is_not_a_column_is_an_evaluation_error_at_the_number(bool reference, double wallet)
    {
        // "fn scenario(k: count): money = sum(p in positions: p.size * arrays[p.symbol][" is 77 characters: k is at 7:78.
        var policy = MarginPolicy.Compile(Text, "arrays.margin", new CompileOptions { UseReferenceEvaluator = reference });
        var k = (decimal)wallet;

        var e = Should.Throw<PolicyEvaluationException>(() => policy.Evaluate(Book(k), Market));
        e.Reason.ShouldBe($"table `arrays` has no column number {k}; its columns are numbered 1 to 3");
        (e.Line, e.Column).ShouldBe((7, 78));
    }

    [Fact]
    public void A_column_number_formats_as_a_second_index_and_round_trips()
    {
        const string text = "policy \"p\" currency USD\ntable t by symbol {\n  columns a: price, b: price\n  \"X\": 1, 2\n}\n" +
            "equity = account.wallet\nmaintenance = sum(p in positions: p.size * t [ p.symbol ] [ 1 + 1 ])\n";
        var tree = SyntaxTree.Parse(text, "p.margin");
        tree.Diagnostics.ShouldBeEmpty();

        var formatted = PolicyFormatter.Format(tree);

        formatted.ShouldContain("maintenance = sum(p in positions: p.size * t[p.symbol][1 + 1])\n");
        var reparsed = SyntaxTree.Parse(formatted, "p.margin");
        reparsed.Root.ToString().ShouldBe(tree.Root.ToString());
        PolicyFormatter.Format(reparsed).ShouldBe(formatted);
    }
}
