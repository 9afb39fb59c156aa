using System;

namespace MarginRules.Language.Text
{
    /// <summary>A range of characters in a policy's source text, by absolute offset and length.</summary>
    public readonly struct TextSpan : IEquatable<TextSpan>
    {
        /// <summary>Creates a span from its start offset and length.</summary>
        public TextSpan(int start, int length)
        {
            Start = start;
            Length = length;
        }

        /// <summary>The offset of the first character.</summary>
        public int Start { get; }

        /// <summary>The number of characters covered.</summary>
        public int Length { get; }

        /// <summary>The offset just past the last character.</summary>
        public int End => Start + Length;

        /// <summary>Creates the span from <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
        public static TextSpan FromBounds(int start, int end) => new TextSpan(start, Math.Max(0, end - start));

        /// <summary>The smallest span covering both spans.</summary>
        public TextSpan Union(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

        /// <inheritdoc />
        public bool Equals(TextSpan other) => Start == other.Start && Length == other.Length;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is TextSpan s && Equals(s);

        /// <inheritdoc />
        public override int GetHashCode() => (Start * 397) ^ Length;

        /// <inheritdoc />
        public override string ToString() => $"[{Start}..{End})";
    }
}
