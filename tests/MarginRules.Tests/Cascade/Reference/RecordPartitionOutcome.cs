namespace MarginRules.Tests.Cascade.Reference;

/// <summary>
/// What one partition's map step produced: the aggregates it shares with the rest of the run (sales, ledger
/// movements, counts). Partitions share nothing else, and outcomes are reduced in partition order.
/// </summary>
internal sealed class RecordPartitionOutcome
{
    public RecordPartitionOutcome(int assets, int instruments, int venues)
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

    public int MarginCalls { get; set; }

    public int TopUps { get; set; }

    public decimal TopUpAmount { get; set; }

    public int Liquidations { get; set; }

    public int Evaluated { get; set; }

    public bool CallsRunning { get; set; }

    /// <summary>Accounts liquidated by this partition, in account order.</summary>
    public System.Collections.Generic.List<int> LiquidatedAccounts { get; } = new();

    public System.Collections.Generic.List<(int Account, decimal Amount)> IsolatedShortfalls { get; } = new();
}
