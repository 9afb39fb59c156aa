namespace MarginRules.Cascade.Engine;

/// <summary>
/// What one partition's map step produced: the aggregates it shares with the rest of the run (sales, ledger
/// movements, counts). Partitions share nothing else, and outcomes are reduced in partition order.
/// </summary>
internal sealed class PartitionOutcome
{
    public PartitionOutcome(int assets, int instruments, int venues)
    {
        Sales = new decimal[assets];
        LiquidatedNotional = new decimal[assets];
        SinkUnits = new decimal[assets];
        LenderUnits = new decimal[assets];
        LenderClaims = new decimal[assets];
        SinkPositions = new decimal[instruments];
        Insurance = new decimal[venues];
    }

    public decimal[] Sales { get; }

    public decimal[] LiquidatedNotional { get; }

    public decimal SinkCash { get; set; }

    public decimal LiquidatorCash { get; set; }

    public decimal ProtocolCash { get; set; }

    public decimal[] SinkUnits { get; }

    public decimal[] LenderUnits { get; }

    public decimal[] LenderClaims { get; }

    public decimal[] SinkPositions { get; }

    public decimal[] Insurance { get; }

    /// <summary>Penalties charged, by recipient (indexed by <c>PenaltyRecipient</c>).</summary>
    public decimal[] Penalties { get; } = new decimal[3];

    public int MarginCalls { get; set; }

    public int TopUps { get; set; }

    public decimal TopUpAmount { get; set; }

    public int Liquidations { get; set; }

    public int Evaluated { get; set; }

    /// <summary>Accounts a price move or a change of wallet would have evaluated, spared by a health certificate.</summary>
    public int Certified { get; set; }

    public bool CallsRunning { get; set; }

    /// <summary>Profitable positions ranked from the frame of this round's evaluation, for ADL should the venue need it.</summary>
    public System.Collections.Generic.List<AdlCandidate> AdlCandidates { get; init; } = new();

    /// <summary>Isolated positions closed beyond their margin by this partition: the account and the shortfall, in account order.</summary>
    public System.Collections.Generic.List<(int Account, decimal Amount)> IsolatedShortfalls { get; } = new();

    /// <summary>Accounts liquidated by this partition, in account order.</summary>
    public System.Collections.Generic.List<int> LiquidatedAccounts { get; } = new();
}
