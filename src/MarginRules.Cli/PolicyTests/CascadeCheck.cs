using System.Collections.Generic;
using MarginRules.Cascade;

namespace MarginRules.Cli.PolicyTests;

/// <summary>A cascade test's run and what its result must show.</summary>
/// <param name="Setup">The engine's setup: the market, the venues with the policy, and the shock.</param>
/// <param name="MaxRounds">The round limit.</param>
/// <param name="StartPrices">Each asset's price before the shock, for the first round's move.</param>
/// <param name="Expectations">The expected values of the result.</param>
/// <param name="Volatility">The EWMA volatility estimate the run updates, or null to keep volatilities as given.</param>
internal sealed record CascadeCheck(CascadeSetup Setup, int MaxRounds, IReadOnlyDictionary<string, decimal> StartPrices, IReadOnlyList<Expectation> Expectations, VolatilityEstimate? Volatility = null);
