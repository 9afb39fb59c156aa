namespace MarginRules.Language.Binding
{
    /// <summary>The fields of the account.</summary>
    public enum AccountField
    {
        /// <summary>The wallet (cash) balance (money).</summary>
        Wallet,

        /// <summary>The account's tags, for tag-keyed tables.</summary>
        Tags,

        /// <summary>Rounds the account's margin call has been outstanding (count).</summary>
        CallRounds,

        /// <summary>Rounds since a cascade last liquidated the account, 0 if it never did (count).</summary>
        RoundsSinceLiquidation,
    }
}
