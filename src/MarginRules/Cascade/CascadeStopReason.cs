namespace MarginRules.Cascade;

/// <summary>Why a cascade run ended.</summary>
public enum CascadeStopReason
{
    /// <summary>A fixpoint: the shock path is spent and a round changed nothing (no liquidation, top-up or price move, and no call still running).</summary>
    Fixpoint,

    /// <summary>The round limit was reached while the cascade was still moving.</summary>
    RoundLimit,
}
