using CsCheck;
using MarginRules.Language.Binding;
using MarginRules.Language.Runtime;
using MarginRules.Runtime;

namespace MarginRules.Tests.Compilation;

/// <summary>The runtime helpers that reimplement reference behaviour agree with it on their own, edge cases included.</summary>
public sealed class RuntimeTests
{
    [Fact]
    public void Bracket_search_picks_the_row_the_reference_scan_picks()
    {
        // Contiguous brackets with whole bounds, probed at, between and around the bounds (values in tenths).
        (from start in Gen.Int[-5, 5]
         from widths in Gen.Int[1, 3].Array[1, 6]
         from open in Gen.Bool
         from tenths in Gen.Int[-100, 400]
         select (start, widths, open, value: new decimal(Math.Abs(tenths), 0, 0, tenths < 0, 1)))
        .Sample(t =>
        {
            var lower = new decimal[t.widths.Length];
            var upper = new decimal[t.widths.Length];
            decimal bound = t.start;
            for (var i = 0; i < t.widths.Length; i++)
            {
                lower[i] = bound;
                bound += t.widths[i];
                upper[i] = bound;
            }

            // The reference evaluator's scan: the first bracket with lower ≤ v and (open or v < upper).
            var expected = -1;
            for (var i = 0; i < lower.Length && expected < 0; i++)
                if (t.value >= lower[i] && ((t.open && i == lower.Length - 1) || t.value < upper[i])) expected = i;

            int actual;
            try
            {
                actual = TableRows.Bracket(lower, upper, t.open, t.value);
            }
            catch (KeyNotFoundException)
            {
                actual = -1;
            }

            actual.ShouldBe(expected);
        }, iter: 5_000);
    }

    [Fact]
    public void Bracket_bounds_find_the_row_the_reference_scan_finds_at_every_scale()
    {
        // Bounds with 0 to 2 decimals, some near 10^18 so that rescaling them overflows a long; values at, just off and
        // between the bounds with 0 to 28 decimals, 96-bit digit strings, negative zero and the decimal extremes.
        var bound = Gen.Select(Gen.Int[-5_000, 5_000], Gen.Int[0, 2]).Select((m, scale) => new decimal(Math.Abs(m), 0, 0, m < 0, (byte)scale));
        var width = Gen.Frequency<decimal>(
            (6, Gen.Select(Gen.Int[1, 300_000], Gen.Int[0, 2]).Select((m, scale) => new decimal(m, 0, 0, false, (byte)scale))),
            (1, Gen.Int[1, 9].Select(m => m * 1_000_000_000_000_000_000m)));
        var brackets =
            from start in bound
            from widths in width.Array[1, 6]
            from open in Gen.Bool
            select (Lower: Bounds(start, widths).Lower, Upper: Bounds(start, widths).Upper, Open: open);
        var offset = Gen.OneOf(0m, 0.0m, 0.000m, 1e-28m, -1e-28m, 0.001m, -0.001m, 0.5m, -1m);
        var scaled = Gen.Select(Gen.Long[-10_000_000_000, 10_000_000_000], Gen.Int[0, 28])
            .Select((m, scale) => new decimal((int)(Math.Abs(m) & 0xFFFF_FFFF), (int)(Math.Abs(m) >> 32), 0, m < 0, (byte)scale));
        var wide = Gen.Select(Gen.Int, Gen.Int, Gen.Int[1, int.MaxValue], Gen.Bool, Gen.Int[0, 28])
            .Select((lo, mid, hi, negative, scale) => new decimal(lo, mid, hi, negative, (byte)scale));
        Gen.Select(brackets, Gen.Int[0, 6], offset, Gen.Frequency<decimal>((4, scaled), (1, wide), (1, Gen.OneOf(-0m, decimal.MaxValue, decimal.MinValue))), Gen.Int[0, 2])
            .Sample((table, at, delta, random, pick) =>
            {
                var bounds = table.Lower.Concat(table.Upper).ToArray();
                var value = pick == 0 ? random : bounds[at % bounds.Length] + delta;

                // CompiledTable stores an open last bracket's upper bound as decimal.MaxValue.
                var upper = table.Upper.ToArray();
                if (table.Open) upper[^1] = decimal.MaxValue;
                var expected = -1;
                for (var i = 0; i < table.Lower.Length && expected < 0; i++)
                    if (value >= table.Lower[i] && ((table.Open && i == table.Lower.Length - 1) || value < upper[i])) expected = i;

                int actual;
                try
                {
                    actual = new BracketBounds(table.Lower, upper, table.Open).Find(value);
                }
                catch (KeyNotFoundException)
                {
                    actual = -1;
                }

                actual.ShouldBe(expected, $"value {value}");
            }, iter: 20_000);
    }

    [Fact]
    public void Bracket_bounds_find_without_allocating()
    {
        var bounds = new BracketBounds([0m, 50_000m, 250_000m], [50_000m, 250_000m, decimal.MaxValue], lastOpen: true);
        // 163,812.00 lies in [50,000, 250,000), the second bracket.
        bounds.Find(163_812.00m).ShouldBe(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        bounds.Find(34_037.675m);
        bounds.Find(0.5m);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Round_matches_PolicyMath_in_every_mode_without_allocating()
    {
        var values = Gen.Frequency<decimal>(
            (4, Gen.Decimal),
            (4, Gen.Select(Gen.Int[0, 99_999_999], Gen.Int[0, 12], Gen.Bool).Select((m, scale, negative) => new decimal(m, 0, 0, negative, (byte)scale))),
            (1, Gen.OneOf(0m, -0m, 0.5m, -0.5m, 2.5m, -2.5m, 0.000m, 1.005m, 79_228_162_514_264_337_593_543_950_335m, -79_228_162_514_264_337_593_543_950_335m)));
        Gen.Select(values, Gen.Int[0, 28], Gen.Enum<RoundingMode>()).Sample((value, digits, mode) =>
        {
            var expected = Outcome(() => PolicyMath.Round(value, digits, mode));
            var actual = Outcome(() => Builtins.Round(value, digits, mode));
            actual.ShouldBe(expected);
            if (actual.StartsWith("fails", StringComparison.Ordinal)) return;
            var before = GC.GetAllocatedBytesForCurrentThread();
            Builtins.Round(value, digits, mode);
            (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        }, iter: 20_000);
    }

    [Fact]
    public void Tag_rows_follow_table_order_not_tag_order()
    {
        // The account lists vip before pro; the table lists pro first, so pro's row (index 0) applies.
        TableRows.Tagged(["pro", "vip"], ["vip", "pro"], defaultRow: 2).ShouldBe(0);
        TableRows.Tagged(["pro", "vip"], ["retail"], defaultRow: 2).ShouldBe(2);
        Should.Throw<KeyNotFoundException>(() => TableRows.Tagged(["pro", "vip"], ["retail"], defaultRow: -1));
    }

    private static string Outcome(Func<decimal> round)
    {
        try
        {
            return ProgramComparison.Show(round());
        }
        catch (Exception e)
        {
            return "fails: " + e.GetType().Name;
        }
    }

    private static (decimal[] Lower, decimal[] Upper) Bounds(decimal start, decimal[] widths)
    {
        var lower = new decimal[widths.Length];
        var upper = new decimal[widths.Length];
        var bound = start;
        for (var i = 0; i < widths.Length; i++)
        {
            lower[i] = bound;
            bound += widths[i];
            upper[i] = bound;
        }

        return (lower, upper);
    }
}
