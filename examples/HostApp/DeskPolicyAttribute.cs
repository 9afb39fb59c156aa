using MarginRules;

namespace HostApp;

/// <summary>Attaches a margin policy to a trading desk; the analyzer checks the text at build time.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DeskPolicyAttribute([MarginPolicySyntax] string text) : Attribute
{
    /// <summary>The policy text.</summary>
    [MarginPolicySyntax]
    public string Text { get; } = text;
}
