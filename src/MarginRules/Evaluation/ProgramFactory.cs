using MarginRules.Compilation;
using MarginRules.Language.Binding;

namespace MarginRules.Evaluation;

/// <summary>Chooses the executable form of a checked policy: compiled expression trees.</summary>
internal static class ProgramFactory
{
    public static PolicyProgram Create(BoundPolicy policy, FrameLayout layout) => new LinqProgram(policy, layout);
}
