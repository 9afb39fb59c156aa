using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;

namespace MarginRules.Language.Binding
{
    /// <summary>The checker: parses and binds a policy, collecting every syntax, name, unit, table and lint diagnostic.</summary>
    public static class PolicyChecker
    {
        /// <summary>Checks policy text; never throws on bad input.</summary>
        /// <param name="text">The policy text.</param>
        /// <param name="path">The file name shown in diagnostics.</param>
        /// <param name="parameterOverrides">Parameter values replacing the defaults: decimals, bools, strings, or text such as <c>"30%"</c>.</param>
        public static PolicyCheckResult Check(string text, string? path = null, IReadOnlyDictionary<string, object>? parameterOverrides = null) =>
            Check(SyntaxTree.Parse(text, path), parameterOverrides);

        /// <summary>Checks a parsed policy; never throws on bad input.</summary>
        public static PolicyCheckResult Check(SyntaxTree tree, IReadOnlyDictionary<string, object>? parameterOverrides = null)
        {
            var (policy, diagnostics) = Binder.Bind(tree, parameterOverrides);
            return new PolicyCheckResult(tree, policy, diagnostics);
        }
    }
}
