using System.Collections.Generic;

namespace MarginRules.Assessment;

/// <summary>One item taken by a liquidation: part or all of a position, holding or debt.</summary>
/// <param name="ItemIndex">The index of the position, holding or debt in the account.</param>
/// <param name="Symbol">The position's symbol, or the holding's or debt's asset.</param>
/// <param name="Quantity">The quantity taken: signed contracts closed for a position (same sign as the position), units sold for a holding, units bought in and returned for a debt.</param>
/// <param name="Value">The notional closed, the debt repaid with this holding (with <c>size whole</c>, the holding's credit: value × (1 − penalties)), or the value of the debt bought in at the mark.</param>
/// <param name="Seized">The value taken out of the account: the notional for a position, repaid × (1 + penalties) for a holding (with penalties <c>after debt</c>, at most the holding's value), the holding's value with <c>size whole</c>, the cash the wallet pays for a debt (value + penalties).</param>
/// <param name="Penalties">The penalties charged on this item, by recipient.</param>
public sealed record LiquidationStep(int ItemIndex, string Symbol, decimal Quantity, decimal Value, decimal Seized, IReadOnlyList<PenaltyAmount> Penalties);
