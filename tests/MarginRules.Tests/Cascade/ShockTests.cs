using System.Collections.Immutable;
using CsCheck;
using MarginRules.Accounts;
using MarginRules.Cascade.Shocks;
using MarginRules.Randomness;

namespace MarginRules.Tests.Cascade;

/// <summary>Shocks, shock paths, the CLI's shock spec, scenario files and seeded Monte Carlo shocks.</summary>
public sealed class ShockTests
{
    private static readonly IReadOnlyCollection<string> Known = ImmutableArray.Create("BTC", "ETH", "SOL");

    private static Shock ShockOf(params (string Asset, decimal Move)[] moves) =>
        new(moves.Select(m => new KeyValuePair<string, decimal>(m.Asset, m.Move)));

    // ---------- Shock and ShockPath ----------

    [Fact]
    public void A_shock_multiplies_prices_by_one_plus_the_move()
    {
        var shock = ShockOf(("BTC", -0.20m), ("ETH", 0.05m));

        shock.Apply("BTC", 40_000m).ShouldBe(32_000m);   // 40,000 × 0.80
        shock.Apply("ETH", 2_000m).ShouldBe(2_100m);     // 2,000 × 1.05
        shock.Apply("SOL", 150m).ShouldBe(150m);         // not named: unchanged
        shock.MoveOf("SOL").ShouldBe(0m);
        shock.ToString().ShouldBe("BTC=-20%,ETH=5%");
    }

    [Fact]
    public void A_shock_moves_a_market_and_keeps_volatilities()
    {
        var market = new Market([new("BTC", new AssetQuote(40_000m, 0.6m)), new("USD", new AssetQuote(1m))]);

        var shocked = ShockOf(("BTC", -0.25m)).Apply(market);

        shocked.Quotes["BTC"].ShouldBe(new AssetQuote(30_000m, 0.6m));   // 40,000 × 0.75
        shocked.Quotes["USD"].ShouldBe(new AssetQuote(1m));
        Should.Throw<KeyNotFoundException>(() => ShockOf(("ETH", -0.1m)).Apply(market))
            .Message.ShouldBe("the shock moves `ETH`, which the market does not list");
    }

    [Fact]
    public void A_shock_of_100_percent_or_more_is_rejected()
    {
        Should.Throw<ArgumentException>(() => ShockOf(("BTC", -1m)))
            .Message.ShouldBe("the move for `BTC` is -100%; a move must be above -100% (Parameter 'moves')");
    }

    [Fact]
    public void A_path_applies_step_k_at_the_start_of_round_k()
    {
        var path = new ShockPath(ShockOf(("BTC", -0.10m)), ShockOf(("BTC", -0.05m)));

        path.At(1).ShouldBe(ShockOf(("BTC", -0.10m)));
        path.At(2).ShouldBe(ShockOf(("BTC", -0.05m)));
        path.At(3).ShouldBe(Shock.None);
        Should.Throw<ArgumentOutOfRangeException>(() => path.At(0));
    }

    // ---------- ShockSpec ----------

    [Fact]
    public void Spec_with_several_assets_is_one_step()
    {
        ShockSpec.Parse("BTC=-20%,ETH=-25%", Known)
            .ShouldBe(new ShockPath(ShockOf(("BTC", -0.20m), ("ETH", -0.25m))));
    }

    [Fact]
    public void Spec_with_semicolons_is_a_path()
    {
        ShockSpec.Parse("BTC=-10%;-5%;-5%", Known).ShouldBe(new ShockPath(
            ShockOf(("BTC", -0.10m)), ShockOf(("BTC", -0.05m)), ShockOf(("BTC", -0.05m))));

        ShockSpec.Parse("BTC=-10%;-5%,ETH=-3%;-3%", Known).ShouldBe(new ShockPath(
            ShockOf(("BTC", -0.10m), ("ETH", -0.03m)), ShockOf(("BTC", -0.05m), ("ETH", -0.03m))));
    }

    [Fact]
    public void Spec_paths_of_different_lengths_leave_the_shorter_asset_unmoved_later()
    {
        ShockSpec.Parse("BTC=-10%;-5%,ETH=-3%", Known).ShouldBe(new ShockPath(
            ShockOf(("BTC", -0.10m), ("ETH", -0.03m)), ShockOf(("BTC", -0.05m))));
    }

    [Fact]
    public void Spec_ignores_whitespace_and_reads_signs_and_decimals()
    {
        ShockSpec.Parse(" BTC = -12.5% ; +2% , ETH=0% ", Known).ShouldBe(new ShockPath(
            ShockOf(("BTC", -0.125m), ("ETH", 0m)), ShockOf(("BTC", 0.02m))));
    }

    [Fact]
    public void A_shock_printed_in_short_form_parses_back_to_itself()
    {
        // Moves in whole basis points from −99.99% to +500%.
        var moves = Gen.Int[-9_999, 50_000].Select(bp => bp / 10_000m);
        Gen.Select(moves, moves, moves).Sample((btc, eth, sol) =>
        {
            var shock = ShockOf(("BTC", btc), ("ETH", eth), ("SOL", sol));
            ShockSpec.Parse(shock.ToString(), Known).ShouldBe(new ShockPath(shock));
        }, iter: 200);
    }

    [Theory]
    [InlineData("", 1, "the shock spec is empty; write moves such as `BTC=-20%`")]
    [InlineData("   ", 1, "the shock spec is empty; write moves such as `BTC=-20%`")]
    [InlineData("BTX=-20%", 1, "unknown asset `BTX`; did you mean `BTC`?")]
    [InlineData("BTC=-20%,eth=-5%", 10, "unknown asset `eth`; did you mean `ETH`?")]
    [InlineData("BCT=-1%", 1, "unknown asset `BCT`; did you mean `BTC`?")]
    [InlineData("BTC=-20%, DOGE=-5%", 11, "unknown asset `DOGE`; known assets: BTC, ETH, SOL")]
    [InlineData("BTC=-100%", 5, "move -100% would take the price to zero or below; a move must be above -100%")]
    [InlineData("BTC=-10%;-150%", 10, "move -150% would take the price to zero or below; a move must be above -100%")]
    [InlineData("BTC=-2x%", 5, "bad number `-2x%`; expected a percentage such as `-20%`")]
    [InlineData("BTC=-10%; -5.5.5%", 11, "bad number `-5.5.5%`; expected a percentage such as `-20%`")]
    [InlineData("BTC=-20", 5, "`-20` needs a `%` sign; a move is a percentage such as `-20%`")]
    [InlineData("BTC=", 5, "expected a move such as `-20%`")]
    [InlineData("BTC=-10%;;-5%", 10, "expected a move such as `-20%`")]
    [InlineData("BTC-20%", 1, "expected `=` in `BTC-20%`; write an entry as `ASSET=move`, as in `BTC=-20%`")]
    [InlineData("=-20%", 1, "expected an asset name before `=`")]
    [InlineData("BTC=-20%,", 10, "expected an entry such as `BTC=-20%`")]
    [InlineData("BTC=-20%,,ETH=-1%", 10, "expected an entry such as `BTC=-20%`")]
    [InlineData("BTC=-10%,ETH=-1%,BTC=-5%", 18, "`BTC` is given twice; write its steps as one path, as in `BTC=-10%;-5%`")]
    public void Spec_errors_name_the_column_and_the_problem(string spec, int column, string problem)
    {
        var e = Should.Throw<ShockSpecException>(() => ShockSpec.Parse(spec, Known));

        e.Column.ShouldBe(column);
        e.Problem.ShouldBe(problem);
        e.Message.ShouldBe($"column {column}: {problem}");
    }

    [Fact]
    public void Spec_lists_at_most_eight_known_assets()
    {
        var many = Enumerable.Range(1, 10).Select(i => $"T{i:00}").ToArray();

        Should.Throw<ShockSpecException>(() => ShockSpec.Parse("XYZW=-1%", many)).Problem
            .ShouldBe("unknown asset `XYZW`; known assets include T01, T02, T03, T04, T05, T06, T07, T08 and 2 more");
    }

    // ---------- Scenario files ----------

    private const string BlackThursday = """
        {
          // Moves as fractions or as percentage strings.
          "scenarios": [
            {
              "name": "black-thursday",
              "description": "ETH on 12 March 2020",
              "steps": [ { "ETH": -0.25 }, { "ETH": "-18%", "BTC": "-10%" }, ],
            },
            { "name": "btc-flash", "steps": [ { "BTC": -0.3 } ] }
          ]
        }
        """;

    [Fact]
    public void Scenario_file_reads_names_descriptions_and_steps()
    {
        var file = ScenarioFile.Parse(BlackThursday, "stress.json", Known);

        file.FilePath.ShouldBe("stress.json");
        file.Scenarios.Select(s => s.Name).ShouldBe(["black-thursday", "btc-flash"]);
        file.Scenarios[0].ShouldBe(new Scenario("black-thursday", "ETH on 12 March 2020", new ShockPath(
            ShockOf(("ETH", -0.25m)), ShockOf(("ETH", -0.18m), ("BTC", -0.10m)))));
        file.Scenarios[1].Description.ShouldBeNull();
        ScenarioFile.Parse("""{ "scenarios": [ { "name": "calm", "steps": [ {} ] } ] }""", "calm.json")
            .Scenarios[0].Steps.ShouldBe(new ShockPath(Shock.None));
        file.Find("BTC-FLASH").ShouldBeSameAs(file.Scenarios[1]);
        Should.Throw<KeyNotFoundException>(() => file.Find("black-thursdy"))
            .Message.ShouldBe("stress.json has no scenario `black-thursdy`; did you mean `black-thursday`?");
    }

    [Fact]
    public void Scenario_file_loads_from_disk_and_checks_assets_only_when_asked()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenarios-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "scenarios": [ { "name": "doge", "steps": [ { "DOGE": "-40%" } ] } ] }""");
        try
        {
            ScenarioFile.Load(path).Scenarios[0].Steps.At(1).ShouldBe(ShockOf(("DOGE", -0.40m)));
            var e = Should.Throw<ScenarioFormatException>(() => ScenarioFile.Load(path, Known));
            e.FilePath.ShouldBe(path);
            (e.Line, e.Column).ShouldBe((1, 49));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Scenario_error_message_reads_file_line_column_field_problem()
    {
        var json = """
            { "scenarios": [
              { "name": "crash",
                "steps": [ { "ETH": -0.2 }, { "ETX": -0.1 } ] } ] }
            """;

        var e = Should.Throw<ScenarioFormatException>(() => ScenarioFile.Parse(json, "stress.json", Known));

        // Line 3, and the `"ETX"` key starts at character 35 of it (raw-string indentation removed; Python str.index).
        e.Message.ShouldBe("stress.json:3:35: $.scenarios[0].steps[1].ETX: unknown asset `ETX`; did you mean `ETH`?");
        (e.Line, e.Column, e.Field).ShouldBe((3, 35, "$.scenarios[0].steps[1].ETX"));
    }

    [Theory]
    // Columns are 1 + the token's index in the line, counted with Python's str.index.
    [InlineData("", 1, 1, "$", "the file is empty; expected { \"scenarios\": [ … ] }")]
    [InlineData("[]", 1, 1, "$", "expected a JSON object with a `scenarios` array")]
    [InlineData("{}", 1, 1, "$", "missing `scenarios`; expected { \"scenarios\": [ … ] }")]
    [InlineData("{ \"scenario\": [] }", 1, 3, "$.scenario", "unknown property `scenario`; the file holds only `scenarios`")]
    [InlineData("{ \"scenarios\": {} }", 1, 16, "$.scenarios", "`scenarios` must be an array of scenario objects")]
    [InlineData("{ \"scenarios\": [] }", 1, 16, "$.scenarios", "`scenarios` is empty; add at least one scenario")]
    [InlineData("{ \"scenarios\": [ { \"steps\": [ {} ] } ] }", 1, 18, "$.scenarios[0]", "the scenario has no `name`")]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\" } ] }", 1, 18, "$.scenarios[0]", "scenario `a` has no `steps`")]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\", \"steps\": [] } ] }", 1, 42, "$.scenarios[0].steps", "`steps` is empty; give at least one step")]
    [InlineData("{ \"scenarios\": [ { \"name\": \" \", \"steps\": [ {} ] } ] }", 1, 28, "$.scenarios[0].name", "`name` cannot be empty")]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\", \"stpes\": [] } ] }", 1, 33, "$.scenarios[0].stpes", "unknown property `stpes`; did you mean `steps`?")]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\", \"name\": \"b\" } ] }", 1, 33, "$.scenarios[0].name", "`name` is given twice")]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\", \"steps\": [ 5 ] } ] }", 1, 44, "$.scenarios[0].steps[0]", "a step must be an object of moves by asset, as in { \"ETH\": -0.25 }")]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\", \"steps\": [ { \"ETH\": -1 } ] } ] }", 1, 53, "$.scenarios[0].steps[0].ETH", "move -1 would take the price to zero or below; a move must be above -100% (a number is a fraction: -0.25 is -25%)")]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\", \"steps\": [ { \"ETH\": \"-25\" } ] } ] }", 1, 53, "$.scenarios[0].steps[0].ETH", "`-25` needs a `%` sign; a move is a percentage such as `-20%`")]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\", \"steps\": [ { \"ETH\": true } ] } ] }", 1, 53, "$.scenarios[0].steps[0].ETH", "expected a move as a number (-0.25) or a percentage string (\"-25%\")")]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\", \"steps\": [ { \"ETH\": 1, \"ETH\": 2 } ] } ] }", 1, 56, "$.scenarios[0].steps[0].ETH", "`ETH` is given twice in one step")]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\", \"steps\": [ { \"ETH\": 1e40 } ] } ] }", 1, 53, "$.scenarios[0].steps[0].ETH", "bad number `1e40`; expected a fraction such as -0.25")]
    public void Scenario_errors_give_line_column_and_field(string json, int line, int column, string field, string problem)
    {
        var e = Should.Throw<ScenarioFormatException>(() => ScenarioFile.Parse(json, "s.json", Known));

        (e.Line, e.Column, e.Field, e.Problem).ShouldBe((line, column, field, problem));
    }

    [Fact]
    public void Duplicate_scenario_names_are_an_error_at_the_second_name()
    {
        var json = """
            { "scenarios": [
              { "name": "crash", "steps": [ { "BTC": -0.2 } ] },
              { "name": "Crash", "steps": [ { "BTC": -0.3 } ] } ] }
            """;

        var e = Should.Throw<ScenarioFormatException>(() => ScenarioFile.Parse(json, "s.json"));

        (e.Line, e.Column, e.Field).ShouldBe((3, 13, "$.scenarios[1].name"));
        e.Problem.ShouldBe("scenario name `Crash` is already used on line 2");
    }

    [Fact]
    public void Invalid_json_is_reported_at_its_line_and_column()
    {
        // A missing comma between the two steps: the reader stops at the second `{`, line 3 column 32.
        var json = """
            { "scenarios": [
              { "name": "crash",
                "steps": [ { "BTC": -0.2 } { "BTC": -0.1 } ] } ] }
            """;

        var e = Should.Throw<ScenarioFormatException>(() => ScenarioFile.Parse(json, "s.json"));

        (e.Line, e.Column, e.Field).ShouldBe((3, 32, "$.scenarios[0].steps"));
        e.Problem.ShouldStartWith("invalid JSON: ");
        e.Problem.ShouldNotContain("LineNumber");
    }

    [Fact]
    public void Scenario_columns_count_characters_not_utf8_bytes()
    {
        // "—" and "€" take 3 bytes each in UTF-8 but one column; the `"ETX"` key is character 76 of the line (Python str.index, which counts characters).
        var json = """{ "scenarios": [ { "name": "crash — €", "description": "€€€", "steps": [ { "ETX": -0.1 } ] } ] }""";

        var e = Should.Throw<ScenarioFormatException>(() => ScenarioFile.Parse(json, "s.json", Known));

        (e.Line, e.Column).ShouldBe((1, json.IndexOf("\"ETX\"", StringComparison.Ordinal) + 1));
        e.Column.ShouldBe(76);
    }

    // ---------- Monte Carlo ----------

    private static readonly MonteCarloShocks TwoAssets = new(["BTC", "ETH"], [0.2m, 0.3m], [[1m, 0.8m], [0.8m, 1m]]);

    [Fact]
    public void Same_seed_gives_identical_shocks_and_different_seeds_differ()
    {
        var first = TwoAssets.Draw(42, 200);
        var again = TwoAssets.Draw(42, 200);
        var other = TwoAssets.Draw(43, 200);

        again.ShouldBe(first);
        other.ShouldNotBe(first);
        first.Zip(other).Count(p => p.First.Equals(p.Second)).ShouldBe(0);
    }

    [Fact]
    public void Draws_do_not_depend_on_order_or_thread_count()
    {
        var sequential = TwoAssets.Draw(7, 500);
        var parallel = new Shock[500];
        Parallel.For(0, 500, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[499 - i] = TwoAssets.DrawAt(7, (ulong)(499 - i)));

        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void First_draws_match_an_independent_reference_computation()
    {
        // Python 3.11, written separately from this code: SplitMix64 and xoshiro256** as in Vigna's C sources,
        // uniforms ((x >> 11) + 0.5)/2⁵³, statistics.NormalDist().inv_cdf (CPython's own AS241), x₂ = 0.8·z₁ + √0.36·z₂,
        // x rounded to 15 significant digits, Decimal(prec = 50).exp(σx − σ²/2) − 1, quantized half-even to 1e-10.
        // Seed 42, σ = (0.2, 0.3): draw 0 has z = (0.53777…, 1.09118…), draw 1 has z = (−0.50894…, −0.08426…).
        var draws = TwoAssets.Draw(42, 3);

        draws[0].ShouldBe(ShockOf(("BTC", 0.0915015142m), ("ETH", 0.3237627707m)));
        draws[1].ShouldBe(ShockOf(("BTC", -0.1146646097m), ("ETH", -0.1666592340m)));
        draws[2].ShouldBe(ShockOf(("BTC", -0.1197894233m), ("ETH", -0.1282062135m)));
    }

    [Fact]
    public void Twenty_thousand_draws_have_the_requested_correlation_and_volatility()
    {
        // Log returns ln(1 + move) = σx − σ²/2 are exactly normal with standard deviation σ and correlation ρ,
        // so the sample statistics estimate them directly. Standard errors at n = 20,000: correlation
        // (1 − ρ²)/√n = 0.0025, volatility σ/√(2n) = 0.5% of σ; the bounds are over five standard errors wide.
        var draws = TwoAssets.Draw(2024, 20_000);
        var btc = draws.Select(d => Math.Log(1.0 + (double)d.MoveOf("BTC"))).ToArray();
        var eth = draws.Select(d => Math.Log(1.0 + (double)d.MoveOf("ETH"))).ToArray();

        Correlation(btc, eth).ShouldBe(0.8, 0.03);
        StandardDeviation(btc).ShouldBe(0.2, 0.2 * 0.03);
        StandardDeviation(eth).ShouldBe(0.3, 0.3 * 0.03);
        // E[1 + move] = exp(σ²/2 − σ²/2) = 1: the shock keeps expected prices. sd(move) = √(e^0.09 − 1) = 0.307 for
        // ETH, so the mean's standard error is 0.0022; 0.01 is over four of them.
        draws.Average(d => (double)d.MoveOf("ETH")).ShouldBe(0.0, 0.01);
    }

    [Fact]
    public void Moves_are_rounded_to_ten_places_and_zero_volatility_means_no_move()
    {
        var model = new MonteCarloShocks(["BTC", "USDC"], [0.9m, 0m], [[1m, 0.3m], [0.3m, 1m]]);

        foreach (var shock in model.Draw(1, 100))
        {
            var btc = shock.MoveOf("BTC");
            decimal.Round(btc, 10).ShouldBe(btc);
            btc.ShouldBeGreaterThan(-1m);
            shock.MoveOf("USDC").ShouldBe(0m);   // exp(0·x − 0) − 1 = 0 exactly
        }
    }

    public static TheoryData<Func<MonteCarloShocks>, string> InvalidModels => new()
    {
        { () => new MonteCarloShocks(["A", "B"], [0.1m], [[1m, 0m], [0m, 1m]]), "1 volatilities for 2 assets; give one per asset" },
        { () => new MonteCarloShocks(["A", "A"], [0.1m, 0.1m], [[1m, 0m], [0m, 1m]]), "asset `A` is listed twice" },
        { () => new MonteCarloShocks(["A"], [-0.1m], [[1m]]), "the volatility of `A` is -0.1; it must be zero or positive" },
        { () => new MonteCarloShocks(["A", "B"], [0.1m, 0.1m], [[1m, 0m]]), "the correlation matrix has 1 rows for 2 assets; it must be 2×2" },
        { () => new MonteCarloShocks(["A", "B"], [0.1m, 0.1m], [[1m, 0m], [0m]]), "correlation row 2 has 1 entries; the matrix must be square, 2×2" },
        { () => new MonteCarloShocks(["A", "B"], [0.1m, 0.1m], [[1m, 0.5m], [0.4m, 1m]]), "the matrix is not symmetric: row 2 column 1 is 0.4 but row 1 column 2 is 0.5" },
        { () => new MonteCarloShocks(["A", "B"], [0.1m, 0.1m], [[1m, 0m], [0m, 0.9m]]), "the diagonal entry for `B` is 0.9; a correlation matrix has 1 on its diagonal" },
        { () => new MonteCarloShocks(["A", "B"], [0.1m, 0.1m], [[1m, 1.2m], [1.2m, 1m]]), "the correlation of `A` and `B` is 1.2; correlations lie in [-1, 1]" },
        // ρ = 1: the second pivot is 1 − 1² = 0.
        { () => new MonteCarloShocks(["A", "B"], [0.1m, 0.1m], [[1m, 1m], [1m, 1m]]), "the correlation matrix is not positive definite (pivot 2 is 0); some correlations contradict each other, or two assets move as one" },
        // A and B, and A and C, move together but B and C oppositely. Cholesky by hand: L₂₁ = L₃₁ = 0.9,
        // L₂₂ = √0.19, L₃₂ = (−0.9 − 0.81)/√0.19, pivot 3 = 1 − 0.81 − 1.71²/0.19 = 1 − 0.81 − 15.39 = −15.2.
        { () => new MonteCarloShocks(["A", "B", "C"], [0.1m, 0.1m, 0.1m], [[1m, 0.9m, 0.9m], [0.9m, 1m, -0.9m], [0.9m, -0.9m, 1m]]), "the correlation matrix is not positive definite (pivot 3 is -15.2); some correlations contradict each other, or two assets move as one" },
    };

    [Theory]
    [MemberData(nameof(InvalidModels))]
    public void Invalid_models_are_rejected_with_a_clear_message(Func<MonteCarloShocks> create, string message)
    {
        Should.Throw<ArgumentException>(create).Message.ShouldStartWith(message);
    }

    // ---------- Generator and normal quantiles ----------

    [Fact]
    public void SplitMix64_and_xoshiro256_match_the_reference_c_code()
    {
        // Vigna's splitmix64.c and xoshiro256starstar.c (prng.di.unimi.it), compiled with gcc: SplitMix64 from state
        // 1234567 (its first two outputs, 6457827717110365317 and 3203168211198807973, are the widely quoted test
        // vector), and xoshiro256** seeded with four SplitMix64 outputs from state 42.
        var splitMix = new SplitMix64(1234567);
        Enumerable.Range(0, 5).Select(_ => splitMix.Next()).ShouldBe(
            [0x599ED017FB08FC85UL, 0x2C73F08458540FA5UL, 0x883EBCE5A3F27C77UL, 0x3FBEF740E9177B3FUL, 0xE3B8346708CB5ECDUL]);

        var xoshiro = new Xoshiro256StarStar(new SplitMix64(42));
        Enumerable.Range(0, 5).Select(_ => xoshiro.Next()).ShouldBe(
            [0x15780B2E0C2EC716UL, 0x6104D9866D113A7EUL, 0xAE17533239E499A1UL, 0xECB8AD4703B360A1UL, 0xFDE6DC7FE2EC5E64UL]);
    }

    [Theory]
    // Standard normal quantiles: 1.959963984540054 and 3.090232306167814 are the textbook values; all were checked
    // by bisection on Φ(z) = erfc(−z/√2)/2 with the C runtime's erfc, a route independent of AS241.
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(0.9, 1.2815515655446004)]
    [InlineData(0.001, -3.090232306167814)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.5, 0.0)]
    public void Inverse_normal_cdf_matches_published_quantiles(double p, double z)
    {
        StandardNormal.InverseCdf(p).ShouldBe(z, 1e-12);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(1.4142135623730951)]
    [InlineData(0.7071067811865476)]
    [InlineData(1e-16)]
    [InlineData(0.123456789)]
    [InlineData(0.999999999)]
    public void Own_logarithm_agrees_with_the_runtime_to_double_precision(double x)
    {
        StandardNormal.Log(x).ShouldBe(Math.Log(x), Math.Abs(Math.Log(x)) * 4e-16 + 1e-300);
    }

    private static double StandardDeviation(double[] xs)
    {
        var mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
    }

    private static double Correlation(double[] xs, double[] ys)
    {
        double mx = xs.Average(), my = ys.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
            syy += (ys[i] - my) * (ys[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
