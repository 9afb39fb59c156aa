using System.Collections.Generic;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A user function with typed parameters; the checker rejects recursion, so calls can be inlined.</summary>
    public sealed class FunctionSymbol
    {
        internal FunctionSymbol(string name, string? description, IReadOnlyList<VariableSymbol> parameters, PolicyType returnType, TextSpan span)
        {
            Name = name;
            Description = description;
            Parameters = parameters;
            ReturnType = returnType;
            Span = span;
        }

        /// <summary>The function's name.</summary>
        public string Name { get; }

        /// <summary>The description, if any.</summary>
        public string? Description { get; }

        /// <summary>The parameters.</summary>
        public IReadOnlyList<VariableSymbol> Parameters { get; }

        /// <summary>The declared result type.</summary>
        public PolicyType ReturnType { get; }

        /// <summary>The span of the declaration's name.</summary>
        public TextSpan Span { get; }

        /// <summary>The checked body.</summary>
        public BoundExpression Body { get; internal set; } = null!;
    }
}
