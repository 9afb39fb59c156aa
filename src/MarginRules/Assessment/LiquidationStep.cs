using System.Collections.Generic;

namespace MarginRules.Assessment;

/// <summary>One item taken by a liquidation: part or all of a position or holding.</summary>
/// <param name="ItemIndex">The index of the position or holding in the account.</param>
/// <param name="Symbol">The position's symbol or the holding's asset.</param>
/// <param name="Quantity">The quantity taken: signed contracts closed for a position (same sign as the position), units sold for a holding.</param>
/// <param name="Value">The notional closed, or the debt repaid with this holding (with <c>size whole</c>, the holding's credit: value × (1 − penalties)).</param>
/// <param name="Seized">The value taken out of the account: the notional for a position, repaid × (1 + penalties) for a holding (with penalties <c>after debt</c>, at most the holding's value), the holding's value with <c>size whole</c>.</param>
/// <param name="Penalties">The penalties charged on this item, by recipient.</param>
public sealed record LiquidationStep(int ItemIndex, string Symbol, decimal Quantity, decimal Value, decimal Seized, IReadOnlyList<PenaltyAmount> Penalties);
