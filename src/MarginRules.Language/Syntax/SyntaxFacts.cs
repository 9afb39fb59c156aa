using System.Collections.Generic;

namespace MarginRules.Language.Syntax
{
    /// <summary>Facts about syntax nodes shared by the parser, binder and formatter.</summary>
    public static class SyntaxFacts
    {
        /// <summary>The direct children of a node, in source order.</summary>
        public static IEnumerable<SyntaxNode> Children(SyntaxNode node)
        {
            switch (node)
            {
                case PolicySyntax p:
                    yield return p.Header;
                    foreach (var d in p.Declarations) yield return d;
                    break;
                case ParameterDeclarationSyntax d: yield return d.Default; break;
                case LetDeclarationSyntax d: yield return d.Value; break;
                case FunctionDeclarationSyntax d: yield return d.Body; break;
                case EquityDeclarationSyntax d: yield return d.Value; break;
                case RequirementDeclarationSyntax d: yield return d.Value; break;
                case ExportDeclarationSyntax d: yield return d.Value; break;
                case MarginCallDeclarationSyntax d:
                    yield return d.When;
                    yield return d.Amount;
                    break;
                case LiquidationDeclarationSyntax d:
                    yield return d.When;
                    if (d.Filter != null) yield return d.Filter;
                    if (d.OrderBy != null) yield return d.OrderBy;
                    yield return d.Size;
                    foreach (var p in d.Penalties) yield return p;
                    if (d.Chunk != null) yield return d.Chunk;
                    break;
                case LiquidationSizeSyntax s:
                    if (s.Value != null) yield return s.Value;
                    if (s.Target != null) yield return s.Target;
                    break;
                case PenaltySyntax p: yield return p.Rate; break;
                case AdlDeclarationSyntax d: yield return d.Rank; break;
                case MemberAccessSyntax e: yield return e.Target; break;
                case IndexSyntax e:
                    yield return e.Target;
                    yield return e.Key;
                    break;
                case CallSyntax e:
                    foreach (var a in e.Arguments) yield return a;
                    break;
                case AggregateSyntax e:
                    if (e.Filter != null) yield return e.Filter;
                    if (e.Body != null) yield return e.Body;
                    break;
                case UnarySyntax e: yield return e.Operand; break;
                case BinarySyntax e:
                    yield return e.Left;
                    yield return e.Right;
                    break;
                case ConditionalSyntax e:
                    yield return e.Condition;
                    yield return e.WhenTrue;
                    yield return e.WhenFalse;
                    break;
            }
        }

        /// <summary>The source spelling of a binary operator.</summary>
        public static string Text(BinaryOperator op) => op switch
        {
            BinaryOperator.Add => "+",
            BinaryOperator.Subtract => "-",
            BinaryOperator.Multiply => "*",
            BinaryOperator.Divide => "/",
            BinaryOperator.Less => "<",
            BinaryOperator.LessOrEqual => "<=",
            BinaryOperator.Greater => ">",
            BinaryOperator.GreaterOrEqual => ">=",
            BinaryOperator.Equal => "==",
            BinaryOperator.NotEqual => "!=",
            BinaryOperator.And => "and",
            _ => "or",
        };

        /// <summary>The binding strength of a binary operator: higher binds tighter.</summary>
        public static int Precedence(BinaryOperator op) => op switch
        {
            BinaryOperator.Or => 1,
            BinaryOperator.And => 2,
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual
                or BinaryOperator.Equal or BinaryOperator.NotEqual => 4,
            BinaryOperator.Add or BinaryOperator.Subtract => 5,
            _ => 6,
        };

        /// <summary>The lower-case spelling of a type name.</summary>
        public static string Text(TypeName type) => type.ToString().ToLowerInvariant();

        /// <summary>Reads an item type (<c>position</c>, <c>holding</c>, <c>debt</c>), which only a function parameter may have.</summary>
        public static bool TryParseItemTypeName(string text, out TypeName type)
        {
            switch (text)
            {
                case "position": type = TypeName.Position; return true;
                case "holding": type = TypeName.Holding; return true;
                case "debt": type = TypeName.Debt; return true;
                default: type = TypeName.Position; return false;
            }
        }

        /// <summary>Reads a type name; false when <paramref name="text"/> names no type.</summary>
        public static bool TryParseTypeName(string text, out TypeName type)
        {
            switch (text)
            {
                case "money": type = TypeName.Money; return true;
                case "quantity": type = TypeName.Quantity; return true;
                case "price": type = TypeName.Price; return true;
                case "ratio": type = TypeName.Ratio; return true;
                case "count": type = TypeName.Count; return true;
                case "bool": type = TypeName.Bool; return true;
                case "text": type = TypeName.Text; return true;
                default: type = TypeName.Ratio; return false;
            }
        }
    }
}
