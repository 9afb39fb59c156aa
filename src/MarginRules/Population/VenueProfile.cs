using MarginRules.Accounts;

namespace MarginRules.Population;

/// <summary>The kind of venue a population is generated for and how its accounts are distributed: a <see cref="PerpetualVenue"/>,
/// a <see cref="LendingVenue"/> or a <see cref="BrokerVenue"/>.</summary>
/// <param name="Market">The prices accounts are built at; every symbol the profile names must be listed with a positive price.</param>
public abstract record VenueProfile(Market Market)
{
    /// <summary>Checks the profile and precomputes what generating an account needs.</summary>
    /// <exception cref="System.ArgumentException">The profile is inconsistent, or names a symbol the market does not list.</exception>
    internal abstract AccountSampler CreateSampler();
}
