namespace MarginRules.Assessment;

/// <summary>A margin call: how much must be deposited, and within how many rounds (0 = at once).</summary>
/// <param name="Amount">The amount called, in the quote currency.</param>
/// <param name="DeadlineRounds">The rounds the account has to meet the call.</param>
/// <param name="RoundsOutstanding">The rounds the call has already been outstanding (the account's <c>CallRounds</c>).</param>
public sealed record MarginCallInstruction(decimal Amount, int DeadlineRounds, int RoundsOutstanding)
{
    /// <summary>True once the call has been outstanding for its whole deadline.</summary>
    public bool Expired => RoundsOutstanding >= DeadlineRounds;
}
