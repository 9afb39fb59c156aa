using MarginRules.Accounts;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;
using MarginRules.Language.Formatting;
using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;
using MarginRules.Tests.Parsing;

namespace MarginRules.Tests.Api;

/// <summary>
/// Aggregates over a keyed table's rows (`sum(g in groups: …)`): the variable is each row's key, in row order, the
/// default row left out; parsed alike by both parsers, kept by the formatter, and evaluated alike by the reference
/// evaluator, the compiled delegate and the health certifier.
/// </summary>
public sealed class TableRowAggregateTests
{
    private const string Policy = """
        policy "groups" currency USD
        table contracts by symbol {
          columns group: text
          "ESZ": "ES"
          "ESH": "ES"
          "CLZ": "CL"
        }
        table groups "Charge per contract of each group" by symbol {
          columns rate: price
          "ES": 1_000
          "CL": 400
          "NG": 250
          default: 99
        }
        fn group_size(g: text): quantity = sum(p in positions where contracts[p.symbol].group == g: abs(p.size))
        equity = account.wallet + sum(p in positions: p.upnl)
        maintenance = sum(g in groups: group_size(g) * groups[g].rate)
        export held = count(g in groups where group_size(g) > 0)
        export rows = count(g in groups)
        export largest = max(g in groups: group_size(g) * groups[g].rate)
        export smallest = min(g in groups where group_size(g) > 0: group_size(g) * groups[g].rate)
        export any_idle = any(g in groups: group_size(g) == 0)
        export all_above = all(g in groups: groups[g].rate >= groups["NG"].rate)
        export in_order = any(g in groups: g == "ES" or groups[g].rate / (groups[g].rate - groups["NG"].rate) > 0)
        liquidation close_out {
          when equity < maintenance
          take p in positions by p.notional desc
          size all
        }
        """;

    // Long 2 ESZ, short 1 ESH (group ES: 3 contracts), long 3 CLZ (group CL: 3); no NG. Marked at entry: upnl 0.
    private static Account Trader(decimal wallet) => TestData.Account("a", wallet, positions:
    [
        new Position("ESZ", 2m, 4_000m),
        new Position("ESH", -1m, 4_010m),
        new Position("CLZ", 3m, 70m),
    ]);

    private static readonly Market AtEntry = TestData.Market(("ESZ", 4_000m), ("ESH", 4_010m), ("CLZ", 70m));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Both_parsers_read_a_table_name_after_in(bool fastPath)
    {
        var tree = PolicyParser.Parse(new SourceText(Policy), useFastPath: fastPath);

        tree.Diagnostics.ShouldBeEmpty();
        var maintenance = tree.Root.Declarations.OfType<RequirementDeclarationSyntax>().Single(d => d.Kind == RequirementKind.Maintenance);
        var aggregate = maintenance.Value.ShouldBeOfType<AggregateSyntax>();
        aggregate.Collection.Text.ShouldBe("groups");
        aggregate.ToString().ShouldBe("(sum g groups - (Multiply group_size(g) groups[g].rate))");
        SyntaxTreeShape.Of(PolicyParser.Parse(new SourceText(Policy)).Root)
            .ShouldBe(SyntaxTreeShape.Of(PolicyParser.Parse(new SourceText(Policy), useFastPath: false).Root));
    }

    [Fact]
    public void The_binder_binds_the_variable_to_the_table_as_text()
    {
        var result = PolicyChecker.Check(Policy);

        // in_order's division by design is the one diagnostic: the unguarded-division warning.
        result.Diagnostics.Select(d => d.ToString()).ShouldHaveSingleItem().ShouldContain(" MR0408: ");
        var aggregate = result.Policy!.Lets.Single(l => l.Name == "held").Value.ShouldBeOfType<BoundAggregate>();
        aggregate.Variable.Table.ShouldNotBeNull().Name.ShouldBe("groups");
        aggregate.Variable.Collection.ShouldBeNull();
        aggregate.Variable.Type.ShouldBe(PolicyType.TextType);
        aggregate.ToString().ShouldStartWith("(count g groups ");
    }

    [Fact]
    public void The_formatter_keeps_the_table_aggregate()
    {
        var original = SyntaxTree.Parse(Policy);
        var formatted = PolicyFormatter.Format(original);

        formatted.ShouldContain("maintenance = sum(g in groups: group_size(g) * groups[g].rate)\n");
        formatted.ShouldContain("export smallest = min(g in groups where group_size(g) > 0: group_size(g) * groups[g].rate)\n");
        SyntaxTree.Parse(formatted).Root.ToString().ShouldBe(original.Root.ToString());
        PolicyFormatter.Format(SyntaxTree.Parse(formatted)).ShouldBe(formatted);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Each_row_counts_once_and_the_default_row_is_not_a_row(bool reference)
    {
        // group_size: ES = |2| + |−1| = 3, CL = |3| = 3, NG = 0.
        // maintenance = 3 × 1,000 + 3 × 400 + 0 × 250 = 4,200 (a sum over the positions would count ES twice).
        // held: ES and CL = 2; rows: 3, not 4, as the default row is left out; largest = max(3,000, 1,200, 0) = 3,000;
        // smallest over the held groups = min(3,000, 1,200) = 1,200; any_idle: NG; all_above: 1,000, 400 and 250 are
        // all at least NG's 250, where the default row's 99 is not.
        var policy = MarginPolicy.Compile(Policy, options: new CompileOptions { UseReferenceEvaluator = reference });

        var a = policy.Evaluate(Trader(10_000m), AtEntry);

        a.Maintenance.ShouldBe(4_200m);
        ((decimal)a.Exports["held"]).ShouldBe(2m);
        ((decimal)a.Exports["rows"]).ShouldBe(3m);
        ((decimal)a.Exports["largest"]).ShouldBe(3_000m);
        ((decimal)a.Exports["smallest"]).ShouldBe(1_200m);
        ((bool)a.Exports["any_idle"]).ShouldBeTrue();
        ((bool)a.Exports["all_above"]).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Rows_are_visited_in_table_order(bool reference)
    {
        // in_order: ES, the first row, decides `any` at once; NG, the third, would divide by 250 − 250 = 0 (and CL's
        // 400 / 150 > 0 would decide it too, so only NG first fails). The
        // evaluation succeeds only if ES comes first and any stops there.
        var policy = MarginPolicy.Compile(Policy, options: new CompileOptions { UseReferenceEvaluator = reference });
        var reordered = MarginPolicy.Compile(
            Policy.Replace("  \"ES\": 1_000\n  \"CL\": 400\n  \"NG\": 250\n", "  \"NG\": 250\n  \"ES\": 1_000\n  \"CL\": 400\n"),
            options: new CompileOptions { UseReferenceEvaluator = reference });

        ((bool)policy.Evaluate(Trader(10_000m), AtEntry).Exports["in_order"]).ShouldBeTrue();
        Should.Throw<PolicyEvaluationException>(() => reordered.Evaluate(Trader(10_000m), AtEntry));
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void A_table_with_only_a_default_row_has_no_rows_to_iterate(bool reference)
    {
        // The default row answers lookups but is not a row: the aggregates run over nothing, so sum and count are 0,
        // any is false and all is true (docs/language.md, Aggregates: "Over no (kept) items").
        const string text = """
            policy "defaults only" currency USD
            table fallback by symbol {
              columns rate: money
              default: 5
            }
            equity = account.wallet
            maintenance = sum(k in fallback: fallback[k].rate)
            export counted = count(k in fallback)
            export some = any(k in fallback)
            export every = all(k in fallback: false)
            export looked_up = fallback["ES"].rate
            """;
        var policy = MarginPolicy.Compile(text, options: new CompileOptions { UseReferenceEvaluator = reference });

        var a = policy.Evaluate(Trader(10_000m), AtEntry);

        a.Maintenance.ShouldBe(0m);
        ((decimal)a.Exports["counted"]).ShouldBe(0m);
        ((bool)a.Exports["some"]).ShouldBeFalse();
        ((bool)a.Exports["every"]).ShouldBeTrue();
        ((decimal)a.Exports["looked_up"]).ShouldBe(5m);
    }

    [Fact]
    public void The_health_certifier_evaluates_table_aggregates()
    {
        // maintenance is 4,200 at any price (sizes and rates only). Within ±2% of the marks the upnl moves by at most
        // 2 × 80 + 1 × 80.2 + 3 × 1.4 = 244.4, and the wallet by 2% of itself: with 100,000, equity stays above
        // 97,000 > 4,200, certified (which needs the table aggregate evaluated, not given up on). With 4,300, equity
        // can fall to 4,300 − 86 − 244.4 < 4,200: not certified.
        var policy = MarginPolicy.Compile(Policy);
        var certifier = new HealthCertifier(policy.Checked);
        var scratch = certifier.CreateScratch();
        var box = HealthCertifier.CreateBox(AtEntry, 0.02m);

        certifier.Certify(Trader(100_000m), box, scratch).ShouldBeTrue();
        certifier.Certify(Trader(4_300m), box, scratch).ShouldBeFalse();
    }
}
