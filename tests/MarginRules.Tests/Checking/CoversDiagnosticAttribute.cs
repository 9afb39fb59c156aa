namespace MarginRules.Tests.Checking;

/// <summary>
/// Marks a test that asserts a diagnostic code which check-diagnostics.txt cannot hold (such as the
/// parameter-override codes), so that the coverage test counts the code as tested.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class CoversDiagnosticAttribute(string id) : Attribute
{
    public string Id { get; } = id;
}
