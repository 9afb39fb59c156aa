namespace MarginRules.Accounts;

/// <summary>An open derivative position, marked at the market price of its symbol.</summary>
/// <param name="Symbol">The instrument symbol, which the market must list.</param>
/// <param name="Size">The signed size in contracts or base units: positive long, negative short.</param>
/// <param name="EntryPrice">The average entry price.</param>
/// <param name="Isolated">True for an isolated-margin position.</param>
/// <param name="IsolatedMargin">The margin assigned to an isolated position, in the quote currency.</param>
public sealed record Position(string Symbol, decimal Size, decimal EntryPrice, bool Isolated = false, decimal IsolatedMargin = 0m);
