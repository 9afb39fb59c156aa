namespace MarginRules.Cascade.Engine;

/// <summary>
/// Health certificates proved for a population's initial state at one set of prices, shared read-only by the runs of
/// a sweep that start from the same venues and market (<see cref="CascadeEngine.Sweep"/>).
/// </summary>
internal sealed class CertificateSeed(decimal[] prices, decimal[] volatility, CertificateSeed.VenueCertificates?[] venues)
{
    /// <summary>The prices the certificates were proved around, per asset.</summary>
    public decimal[] Prices { get; } = prices;

    /// <summary>The volatilities of those prices, per asset; a run whose volatility differs does not use them.</summary>
    public decimal[] Volatility { get; } = volatility;

    /// <summary>Per venue, its accounts' certificates; null for a venue whose policy cannot be certified.</summary>
    public VenueCertificates?[] Venues { get; } = venues;

    /// <summary>One venue's certificates, per account.</summary>
    public sealed class VenueCertificates(int count, bool ranks)
    {
        /// <summary>True for the accounts proved healthy over the box.</summary>
        public bool[] Certified { get; } = new bool[count];

        /// <summary>The lowest wallet each certificate accepts.</summary>
        public double[] WalletLow { get; } = new double[count];

        /// <summary>The highest wallet each certificate accepts.</summary>
        public double[] WalletHigh { get; } = new double[count];

        /// <summary>An upper bound on each account's ADL ranks over the box, when the policy ranks.</summary>
        public double[]? RankBounds { get; } = ranks ? new double[count] : null;
    }
}
