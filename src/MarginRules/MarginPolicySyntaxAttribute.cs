using System;

namespace MarginRules;

/// <summary>
/// Marks a string parameter, field or property that holds MarginRules policy text, so the MarginRules analyzer checks
/// constant values passed there at build time.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property, Inherited = true)]
public sealed class MarginPolicySyntaxAttribute : Attribute
{
}
