namespace MarginRules.Cascade.Impact;

/// <summary>What a price-impact model sees for one asset at the end of a cascade round, once all of the round's sales are known.</summary>
/// <param name="ReferencePrice">The asset's price after the exogenous shock of the current step and before any forced selling.</param>
/// <param name="CurrentPrice">This round's mark price, at which this round's sales executed.</param>
/// <param name="RoundQuantity">Net units sold this round; negative when the round was a net purchase.</param>
/// <param name="CumulativeQuantity">Net units sold since the run began, this round included; negative for net purchases.</param>
public readonly record struct ImpactState(decimal ReferencePrice, decimal CurrentPrice, decimal RoundQuantity, decimal CumulativeQuantity);
