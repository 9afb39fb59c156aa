using MarginRules.Language.Syntax;

namespace MarginRules.Assessment;

/// <summary>A penalty or bonus paid out of a liquidated account.</summary>
/// <param name="Recipient">Who receives it.</param>
/// <param name="Amount">The amount in the quote currency.</param>
public sealed record PenaltyAmount(PenaltyRecipient Recipient, decimal Amount);
