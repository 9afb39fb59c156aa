using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MarginRules.Language.Binding;
using MarginRules.Language.Runtime;
using MarginRules.Randomness;

namespace MarginRules.Cascade.Shocks;

/// <summary>
/// Seeded draws of correlated one-step shocks with log-normal moves: move = exp(σ·x − σ²/2) − 1, where x is a
/// standard normal with the given correlations, so every asset's expected price after the shock is unchanged.
/// The same seed gives bit-identical shocks on any machine and with any number of threads.
/// </summary>
public sealed class MonteCarloShocks
{
    /// <summary>Decimal places each drawn move is rounded to.</summary>
    public const int MoveDecimals = 10;

    // The largest fall a move rounded to MoveDecimals places can express while staying above −100%.
    private const decimal DeepestMove = -0.9999999999m;

    private readonly ImmutableArray<string> _assets;
    private readonly ImmutableArray<decimal> _volatilities;
    private readonly double[][] _cholesky;

    /// <summary>Checks the model and factorises the correlation matrix.</summary>
    /// <param name="assets">The asset symbols, distinct.</param>
    /// <param name="volatilities">Each asset's volatility over the shock's horizon, as a ratio (0.8 is 80%); zero or positive.</param>
    /// <param name="correlation">The correlation matrix in asset order: square, symmetric, unit diagonal, positive definite.</param>
    /// <exception cref="ArgumentException">Any of the conditions above does not hold.</exception>
    public MonteCarloShocks(IReadOnlyList<string> assets, IReadOnlyList<decimal> volatilities, IReadOnlyList<IReadOnlyList<decimal>> correlation)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(volatilities);
        ArgumentNullException.ThrowIfNull(correlation);
        if (assets.Count == 0) throw new ArgumentException("give at least one asset", nameof(assets));
        if (assets.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("every asset needs a name", nameof(assets));
        var duplicate = assets.GroupBy(a => a, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"asset `{duplicate.Key}` is listed twice", nameof(assets));
        if (volatilities.Count != assets.Count)
        {
            throw new ArgumentException($"{volatilities.Count} volatilities for {assets.Count} assets; give one per asset", nameof(volatilities));
        }

        for (var i = 0; i < volatilities.Count; i++)
        {
            if (volatilities[i] < 0m)
            {
                throw new ArgumentException($"the volatility of `{assets[i]}` is {volatilities[i]}; it must be zero or positive", nameof(volatilities));
            }
        }

        _assets = assets.ToImmutableArray();
        _volatilities = volatilities.ToImmutableArray();
        _cholesky = Factorise(CheckCorrelation(correlation, _assets));
    }

    /// <summary>The asset symbols, in the order of the volatilities and the correlation matrix.</summary>
    public IReadOnlyList<string> Assets => _assets;

    /// <summary>Each asset's volatility over the shock's horizon.</summary>
    public IReadOnlyList<decimal> Volatilities => _volatilities;

    /// <summary>Draws <paramref name="count"/> shocks: draws 0 to count − 1 of the seeded run.</summary>
    public IReadOnlyList<Shock> Draw(ulong seed, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var shocks = new Shock[count];
        for (var i = 0; i < count; i++) shocks[i] = DrawAt(seed, (ulong)i);
        return shocks;
    }

    /// <summary>
    /// Draw <paramref name="index"/> of the seeded run, computed from the seed and the index alone, so draws can be made
    /// in any order or in parallel and still match <see cref="Draw"/>.
    /// </summary>
    public Shock DrawAt(ulong seed, ulong index)
    {
        var generator = Xoshiro256StarStar.ForDraw(seed, index);
        var n = _assets.Length;
        var independent = new double[n];
        for (var j = 0; j < n; j++) independent[j] = StandardNormal.InverseCdf(generator.NextOpenUnit());

        var moves = new KeyValuePair<string, decimal>[n];
        for (var i = 0; i < n; i++)
        {
            // Correlate with the Cholesky row in a fixed order; IEEE + and × give the same double everywhere.
            var x = 0.0;
            for (var j = 0; j <= i; j++) x += _cholesky[i][j] * independent[j];

            // From here on decimal, as prices are; the double→decimal conversion is managed code and rounds to 15
            // significant digits identically on every platform.
            var sigma = _volatilities[i];
            var growth = PolicyMath.Exp(sigma * (decimal)x - sigma * sigma / 2m);
            var move = PolicyMath.Round(growth - 1m, MoveDecimals, RoundingMode.HalfEven);
            moves[i] = new(_assets[i], move > DeepestMove ? move : DeepestMove);
        }

        return new Shock(moves);
    }

    private static double[][] CheckCorrelation(IReadOnlyList<IReadOnlyList<decimal>> correlation, ImmutableArray<string> assets)
    {
        var n = assets.Length;
        if (correlation.Count != n)
        {
            throw new ArgumentException($"the correlation matrix has {correlation.Count} rows for {n} assets; it must be {n}×{n}", nameof(correlation));
        }

        var matrix = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var row = correlation[i] ?? throw new ArgumentException($"correlation row {i + 1} is null", nameof(correlation));
            if (row.Count != n)
            {
                throw new ArgumentException($"correlation row {i + 1} has {row.Count} entries; the matrix must be square, {n}×{n}", nameof(correlation));
            }

            matrix[i] = new double[n];
            for (var j = 0; j < n; j++)
            {
                var rho = row[j];
                if (i == j && rho != 1m)
                {
                    throw new ArgumentException($"the diagonal entry for `{assets[i]}` is {rho}; a correlation matrix has 1 on its diagonal", nameof(correlation));
                }

                if (rho < -1m || rho > 1m)
                {
                    throw new ArgumentException($"the correlation of `{assets[i]}` and `{assets[j]}` is {rho}; correlations lie in [-1, 1]", nameof(correlation));
                }

                if (j < i && rho != correlation[j][i])
                {
                    throw new ArgumentException(
                        $"the matrix is not symmetric: row {i + 1} column {j + 1} is {rho} but row {j + 1} column {i + 1} is {correlation[j][i]}",
                        nameof(correlation));
                }

                matrix[i][j] = (double)rho;
            }
        }

        return matrix;
    }

    private static double[][] Factorise(double[][] matrix)
    {
        // Cholesky–Banachiewicz, row by row; a pivot that is not positive means the matrix is not positive definite.
        var n = matrix.Length;
        var lower = new double[n][];
        for (var i = 0; i < n; i++)
        {
            lower[i] = new double[i + 1];
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i][j];
                for (var k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
                if (i == j)
                {
                    if (!(sum > 1e-12))
                    {
                        throw new ArgumentException(
                            $"the correlation matrix is not positive definite (pivot {i + 1} is {sum:G6}); some correlations contradict each other, or two assets move as one",
                            "correlation");
                    }

                    lower[i][i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[i][j] = sum / lower[j][j];
                }
            }
        }

        return lower;
    }
}
