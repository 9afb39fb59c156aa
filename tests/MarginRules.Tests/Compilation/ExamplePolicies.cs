using MarginRules.Compilation;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;

namespace MarginRules.Tests.Compilation;

/// <summary>Checks policy text and builds both programs for it; reads named values back from frames.</summary>
internal static class ExamplePolicies
{
    /// <summary>Checks one of examples/policies/*.margin, copied next to the tests, and builds the reference and compiled programs.</summary>
    public static (ReferenceProgram Reference, LinqProgram Compiled) Load(string file) =>
        Build(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", file)), file);

    /// <summary>Checks policy text, failing the test on any error, and builds the reference and compiled programs.</summary>
    public static (ReferenceProgram Reference, LinqProgram Compiled) Build(string text, string path)
    {
        var policy = Check(text, path);
        var layout = new FrameLayout(policy);
        return (new ReferenceProgram(policy, layout), new LinqProgram(policy, layout));
    }

    /// <summary>Checks policy text, failing the test with the rendered diagnostics on any error.</summary>
    public static BoundPolicy Check(string text, string path)
    {
        var result = PolicyChecker.Check(text, path);
        if (result.HasErrors) throw new ShouldAssertException($"{path} does not check:\n" + DiagnosticRenderer.Render(result.Diagnostics, result.Tree.Source));
        return result.Policy!;
    }

    /// <summary>A numeric named value from a frame the program has run on.</summary>
    public static decimal Number(PolicyProgram program, EvaluationFrame frame, string name) =>
        frame.Numbers[program.Layout.Slot(program.Policy.Lets.Single(l => l.Name == name))];
}
