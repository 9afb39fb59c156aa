namespace MarginRules.Cascade;

/// <summary>A derivative instrument (such as a perpetual) marked at the price of an underlying asset.</summary>
/// <param name="Symbol">The instrument symbol positions use, such as <c>BTCUSDT</c>.</param>
/// <param name="Underlying">The asset whose price marks it, such as <c>BTC</c>; closing contracts trades that asset.</param>
public sealed record InstrumentSetup(string Symbol, string Underlying);
