namespace HostApp;

/// <summary>A desk that lends against stock up to 4x leverage, with its policy in an attribute.</summary>
[DeskPolicy("""
    policy "Leverage desk" version "1" currency USD

    param max_leverage "Largest allowed assets over equity": ratio = 400%

    let long_value = sum(h in holdings: h.value)
    let loan = sum(d in debts: d.value)

    equity = account.wallet + long_value - loan
    maintenance = long_value / max_leverage
    """)]
public sealed class LeverageDesk
{
}
