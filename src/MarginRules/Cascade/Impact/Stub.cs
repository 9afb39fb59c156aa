namespace MarginRules.Cascade.Impact;
/// <summary>stub</summary>
public readonly record struct ImpactState(decimal ReferencePrice, decimal CurrentPrice, decimal RoundQuantity, decimal CumulativeQuantity);
/// <summary>stub</summary>
public abstract record PriceImpact { /// <summary>stub</summary>
 public abstract decimal NextPrice(ImpactState state); }
/// <summary>stub</summary>
public sealed record LinearImpact(decimal Lambda) : PriceImpact { /// <summary>stub</summary>
 public override decimal NextPrice(ImpactState s) => s.CurrentPrice * (1m - Lambda * s.RoundQuantity * s.CurrentPrice); }
/// <summary>stub</summary>
public sealed record ExponentialImpact(decimal Alpha, decimal Scale) : PriceImpact { /// <summary>stub</summary>
 public override decimal NextPrice(ImpactState s) => s.ReferencePrice * MarginRules.Language.Runtime.PolicyMath.Exp(-Alpha * s.CumulativeQuantity / Scale); }
