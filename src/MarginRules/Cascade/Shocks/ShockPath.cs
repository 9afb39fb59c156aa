using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace MarginRules.Cascade.Shocks;

/// <summary>
/// A sequence of shocks applied one per step: step <c>k</c> applies at the start of round <c>k</c>, both counted from
/// 1, and rounds past the last step get no shock. Immutable, with value equality.
/// </summary>
public sealed class ShockPath : IEquatable<ShockPath>
{
    /// <summary>Creates a path from its steps, first step first.</summary>
    public ShockPath(IEnumerable<Shock> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps.ToImmutableArray();
        if (Steps.Any(s => s is null)) throw new ArgumentException("a shock path cannot contain a null step", nameof(steps));
    }

    /// <summary>Creates a path from its steps, first step first.</summary>
    public ShockPath(params Shock[] steps)
        : this((IEnumerable<Shock>)steps)
    {
    }

    /// <summary>The steps, first step first; <c>Steps[0]</c> applies at the start of round 1.</summary>
    public IReadOnlyList<Shock> Steps { get; }

    /// <summary>The number of steps.</summary>
    public int Count => Steps.Count;

    /// <summary>The shock applied at the start of a round, counting rounds from 1: <c>Steps[round − 1]</c>, or <see cref="Shock.None"/> past the last step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The round is below 1.</exception>
    public Shock At(int round)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        return round <= Steps.Count ? Steps[round - 1] : Shock.None;
    }

    /// <summary>True when both paths have equal steps in the same order.</summary>
    public bool Equals(ShockPath? other) => other is not null && Steps.SequenceEqual(other.Steps);

    /// <summary>True when <paramref name="obj"/> is a path with equal steps.</summary>
    public override bool Equals(object? obj) => Equals(obj as ShockPath);

    /// <summary>A hash over the steps, consistent with <see cref="Equals(ShockPath)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var step in Steps) hash.Add(step);
        return hash.ToHashCode();
    }

    /// <summary>The steps separated by <c> | </c>, each in the CLI's short form.</summary>
    public override string ToString() => string.Join(" | ", Steps);
}
