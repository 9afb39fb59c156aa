using System.Collections;
using System.Reflection;
using System.Text;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Parsing;

/// <summary>
/// Writes a syntax tree out in full (every node's type, span and public property, recursively), so that two trees can
/// be compared as strings and a difference shows where it is.
/// </summary>
internal static class SyntaxTreeShape
{
    public static string Of(SyntaxNode node)
    {
        var b = new StringBuilder();
        Write(node, b, 0);
        return b.ToString();
    }

    private static void Write(object? value, StringBuilder b, int indent)
    {
        switch (value)
        {
            case null:
                b.Append("null\n");
                return;
            case string s:
                b.Append('"').Append(s).Append("\"\n");
                return;
            case SyntaxNode node:
                b.Append(node.GetType().Name).Append(' ').Append(node.Span).Append('\n');
                foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name))
                {
                    if (property.Name == nameof(SyntaxNode.Span)) continue;
                    b.Append(' ', indent + 2).Append(property.Name).Append(": ");
                    Write(property.GetValue(node), b, indent + 2);
                }

                return;
            case IEnumerable items:
                b.Append(value.GetType().Name).Append('\n');
                foreach (var item in items)
                {
                    b.Append(' ', indent + 2).Append("- ");
                    Write(item, b, indent + 2);
                }

                return;
            default:
                b.Append(value).Append('\n');
                return;
        }
    }
}
