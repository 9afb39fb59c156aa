namespace MarginRules.Cascade.Engine;

/// <summary>A run of consecutive accounts of one venue that one thread evaluates as a unit.</summary>
/// <param name="Venue">The venue.</param>
/// <param name="Start">The first account index.</param>
/// <param name="End">One past the last account index.</param>
internal readonly record struct Partition(VenueState Venue, int Start, int End);
