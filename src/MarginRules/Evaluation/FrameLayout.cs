using System.Collections.Generic;
using MarginRules.Language.Binding;

namespace MarginRules.Evaluation;

/// <summary>Where each named value of a checked policy lives in an <see cref="EvaluationFrame"/>: numbers, flags and texts get separate slots.</summary>
internal sealed class FrameLayout
{
    private readonly Dictionary<LetSymbol, int> _slots = new();

    public FrameLayout(BoundPolicy policy)
    {
        foreach (var let in policy.Lets)
        {
            switch (let.Type.Kind)
            {
                case TypeKind.Bool: _slots[let] = FlagCount++; break;
                case TypeKind.Text: _slots[let] = TextCount++; break;
                default: _slots[let] = NumberCount++; break;
            }
        }
    }

    public int NumberCount { get; }

    public int FlagCount { get; }

    public int TextCount { get; }

    /// <summary>The slot of a named value within the array for its kind.</summary>
    public int Slot(LetSymbol let) => _slots[let];
}
