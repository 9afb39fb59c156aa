using System.Collections.Generic;
using MarginRules.Language.Syntax;

namespace MarginRules.Assessment;

/// <summary>What the policy says to liquidate now, with every number: the rule, the size, the items in order, and the penalties.</summary>
public sealed record LiquidationInstruction
{
    /// <summary>The liquidation rule that applies.</summary>
    public required string RuleName { get; init; }

    /// <summary>Whether positions are closed, holdings sold or debts bought in.</summary>
    public required LiquidationTarget Target { get; init; }

    /// <summary>How the rule sizes the liquidation.</summary>
    public required LiquidationSizeKind SizeKind { get; init; }

    /// <summary>The base the size refers to: the notional of the positions (the value of the debts) the rule may take, or, for holdings, the total debt value.</summary>
    public required decimal BaseAmount { get; init; }

    /// <summary>The amount the rule asks for in all (notional to close, debt to repay, or debt to buy in), before the chunk limit.</summary>
    public required decimal TargetAmount { get; init; }

    /// <summary>The amount liquidated in this step: the target, limited by the chunk and, for holdings, by the collateral (for <c>size whole</c>, the debt repaid).</summary>
    public required decimal Amount { get; init; }

    /// <summary>For <c>size whole</c>, the credit above the debts, paid into the account's wallet; otherwise 0.</summary>
    public decimal Credit { get; init; }

    /// <summary>The rule's largest amount per step, if it has one.</summary>
    public decimal? Chunk { get; init; }

    /// <summary>The items taken, in the rule's order.</summary>
    public required IReadOnlyList<LiquidationStep> Steps { get; init; }

    /// <summary>The debts repaid, largest first (holdings liquidations only; a buy-in's steps are its repayments).</summary>
    public required IReadOnlyList<DebtRepayment> Repayments { get; init; }

    /// <summary>The penalties over all steps, by recipient.</summary>
    public required IReadOnlyList<PenaltyAmount> Penalties { get; init; }
}
