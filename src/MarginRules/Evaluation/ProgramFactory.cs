using MarginRules.Language.Binding;

namespace MarginRules.Evaluation;

/// <summary>Chooses the executable form of a checked policy.</summary>
internal static class ProgramFactory
{
    public static PolicyProgram Create(BoundPolicy policy, FrameLayout layout) => new ReferenceProgram(policy, layout);
}
