namespace MarginRules.Benchmarks.Scenario;

/// <summary>A tiered maintenance-margin schedule, searched by notional; immutable and safe to share between threads.</summary>
public sealed class MarginBracketTable
{
    // The floors are kept apart from the rows so the binary search walks one dense decimal array.
    private readonly decimal[] _floors;
    private readonly MarginBracket[] _brackets;

    /// <summary>Creates a schedule from rows whose floors start at zero and strictly increase.</summary>
    /// <exception cref="ArgumentException">The rows are empty, do not start at zero, or are out of order.</exception>
    public MarginBracketTable(IEnumerable<MarginBracket> brackets)
    {
        _brackets = brackets.ToArray();
        if (_brackets.Length == 0 || _brackets[0].Floor != 0m)
            throw new ArgumentException("a bracket schedule starts at a floor of zero", nameof(brackets));
        for (var i = 1; i < _brackets.Length; i++)
        {
            if (_brackets[i].Floor <= _brackets[i - 1].Floor)
                throw new ArgumentException($"bracket floors must strictly increase; row {i} does not", nameof(brackets));
        }

        _floors = Array.ConvertAll(_brackets, b => b.Floor);
    }

    /// <summary>
    /// The BTCUSDT schedule every contestant uses: rates 0.40% to 50.00% over ten brackets, with maintenance amounts that
    /// make notional × rate − amount continuous at every floor (for example 50 = 50,000 × (0.50% − 0.40%)).
    /// </summary>
    public static MarginBracketTable BtcUsdt { get; } = new(
    [
        new(0m, 0.0040m, 0m),
        new(50_000m, 0.0050m, 50m),
        new(250_000m, 0.0100m, 1_300m),
        new(1_000_000m, 0.0250m, 16_300m),
        new(10_000_000m, 0.0500m, 266_300m),
        new(20_000_000m, 0.1000m, 1_266_300m),
        new(50_000_000m, 0.1250m, 2_516_300m),
        new(100_000_000m, 0.1500m, 5_016_300m),
        new(200_000_000m, 0.2500m, 25_016_300m),
        new(300_000_000m, 0.5000m, 100_016_300m),
    ]);

    /// <summary>The number of brackets.</summary>
    public int Count => _brackets.Length;

    /// <summary>The bracket at a position in the schedule, lowest floor first.</summary>
    public MarginBracket this[int index] => _brackets[index];

    /// <summary>The bracket whose floor is the greatest one not above the notional; a negative notional falls in the first.</summary>
    public MarginBracket Find(decimal notional)
    {
        // Binary search for the last floor <= notional; floor inclusive, cap exclusive.
        var lo = 0;
        var hi = _floors.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_floors[mid] <= notional) lo = mid;
            else hi = mid - 1;
        }

        return _brackets[lo];
    }
}
