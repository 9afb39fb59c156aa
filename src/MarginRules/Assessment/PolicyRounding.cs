using MarginRules.Language.Binding;
using MarginRules.Language.Runtime;

namespace MarginRules.Assessment;

/// <summary>The rounding the runtime itself applies, always through the language's own rounding modes.</summary>
internal static class PolicyRounding
{
    /// <summary>Rounds away from zero to <paramref name="digits"/> places.</summary>
    public static decimal Up(decimal value, int digits) => PolicyMath.Round(value, digits, RoundingMode.Up);
}
