using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>fn name(p: type, …): type = body</c>: a user function.</summary>
    public sealed class FunctionDeclarationSyntax : DeclarationSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public FunctionDeclarationSyntax(TextSpan span, IdentifierSyntax name, string? description, IReadOnlyList<FunctionParameterSyntax> parameters, TypeSyntax returnType, ExpressionSyntax body)
            : base(span)
        {
            Name = name;
            Description = description;
            Parameters = parameters;
            ReturnType = returnType;
            Body = body;
        }

        /// <summary>The function's name.</summary>
        public IdentifierSyntax Name { get; }

        /// <summary>The description, if given.</summary>
        public string? Description { get; }

        /// <summary>The parameters.</summary>
        public IReadOnlyList<FunctionParameterSyntax> Parameters { get; }

        /// <summary>The declared result type.</summary>
        public TypeSyntax ReturnType { get; }

        /// <summary>The body.</summary>
        public ExpressionSyntax Body { get; }

        /// <inheritdoc />
        public override string ToString() => $"(fn {Name} {Q(Description)} ({string.Join(" ", Parameters)}) {ReturnType} {Body})";
    }
}
