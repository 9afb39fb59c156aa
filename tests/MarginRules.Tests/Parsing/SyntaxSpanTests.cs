using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Tests.Parsing;

/// <summary>Every node's span lies inside its parent's and its text starts with the token that starts the node.</summary>
public sealed class SyntaxSpanTests
{
    // Node kinds and forms the example policies leave out: unary minus and not, bool and string literals,
    // calls with several arguments, fraction and amount sizes, ascending order, chunks and margin calls.
    private const string Extra = """
        policy "extra" currency USD
        param floor: money = -5 USD
        let flags = not true or false and "a" == "b"
        let pick = max(1, -2, 3) + t["BTC"].rate
        liquidation part {
          when not (equity > 0)
          take p in positions where p.is_long by -p.notional asc
          size fraction 25%
          penalty 1% to insurance
          chunk 10 USD
        }
        liquidation fixed {
          when equity < 0
          take h in holdings
          size amount 100 USD
        }
        margin_call { when equity < maintenance amount maintenance - equity deadline 0 }
        """;

    private static readonly string[] PolicyNames = { "aave-v3.margin", "binance-btcusdt.margin", "regt-finra-4210.margin", "extra" };

    public static TheoryData<string> Policies() => new(PolicyNames);

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_node_span_starts_with_its_first_token(string policy)
    {
        var tree = SyntaxTree.Parse(Load(policy), policy);
        tree.Diagnostics.ShouldBeEmpty();

        foreach (var (node, parent) in Walk(tree.Root))
        {
            var span = node.Span;
            var where = $"{node.GetType().Name} {span} in {policy}";
            (span.Start >= 0 && span.End <= tree.Source.Text.Length).ShouldBeTrue(where + " lies outside the text");
            if (parent != null)
                (parent.Span.Start <= span.Start && span.End <= parent.Span.End).ShouldBeTrue(where + " lies outside its parent " + parent.GetType().Name + " " + parent.Span);
            CheckTokens(node, tree.Source, where);
        }
    }

    [Fact]
    public void The_walk_reaches_every_checked_node_kind()
    {
        var kinds = PolicyNames
            .SelectMany(policy => Walk(SyntaxTree.Parse(Load(policy)).Root))
            .Select(pair => pair.Node.GetType())
            .ToHashSet();

        // Without this the span checks above could pass by never meeting a node kind.
        new[]
        {
            typeof(PolicyHeaderSyntax), typeof(ParameterDeclarationSyntax), typeof(LetDeclarationSyntax), typeof(FunctionDeclarationSyntax),
            typeof(EquityDeclarationSyntax), typeof(RequirementDeclarationSyntax), typeof(ExportDeclarationSyntax), typeof(TableDeclarationSyntax),
            typeof(MarginCallDeclarationSyntax), typeof(LiquidationDeclarationSyntax), typeof(AdlDeclarationSyntax), typeof(LiquidationSizeSyntax),
            typeof(PenaltySyntax), typeof(CallSyntax), typeof(AggregateSyntax), typeof(BinarySyntax), typeof(UnarySyntax), typeof(ConditionalSyntax),
            typeof(NumberLiteralSyntax), typeof(StringLiteralSyntax), typeof(BoolLiteralSyntax), typeof(NameSyntax), typeof(MemberAccessSyntax),
            typeof(IndexSyntax),
        }.Where(kind => !kinds.Contains(kind)).ShouldBeEmpty();
    }

    [Fact]
    public void Operator_and_call_spans_cover_exactly_their_characters()
    {
        const string text = "policy \"p\"\nlet x = max(a,  b) >= 2 * c\n";
        var tree = SyntaxTree.Parse(text);
        var comparison = tree.Root.Declarations.Single().ShouldBeOfType<LetDeclarationSyntax>().Value.ShouldBeOfType<BinarySyntax>();
        var call = comparison.Left.ShouldBeOfType<CallSyntax>();
        var product = comparison.Right.ShouldBeOfType<BinarySyntax>();

        // Line 2 starts at offset 11; "let x = " is 8 characters, so `max` starts at offset 19.
        call.Span.ShouldBe(new TextSpan(19, "max(a,  b)".Length));
        call.Function.Span.ShouldBe(new TextSpan(19, 3));
        comparison.OperatorSpan.ShouldBe(new TextSpan(19 + "max(a,  b) ".Length, 2));
        product.OperatorSpan.ShouldBe(new TextSpan(19 + "max(a,  b) >= 2 ".Length, 1));
        tree.Source.GetText(comparison.Span).ShouldBe("max(a,  b) >= 2 * c");
    }

    private static void CheckTokens(SyntaxNode node, SourceText source, string where)
    {
        var text = source.GetText(node.Span);
        switch (node)
        {
            case PolicyHeaderSyntax:
                text.ShouldStartWith("policy \"", customMessage: where);
                break;
            case ParameterDeclarationSyntax d:
                text.ShouldStartWith("param " + d.Name.Text, customMessage: where);
                node.Span.End.ShouldBe(d.Default.Span.End, where);
                break;
            case LetDeclarationSyntax d:
                text.ShouldStartWith("let " + d.Name.Text, customMessage: where);
                break;
            case FunctionDeclarationSyntax d:
                text.ShouldStartWith("fn " + d.Name.Text, customMessage: where);
                break;
            case EquityDeclarationSyntax:
                text.ShouldStartWith("equity", customMessage: where);
                break;
            case RequirementDeclarationSyntax d:
                text.ShouldStartWith(d.Kind == RequirementKind.Initial ? "initial" : "maintenance", customMessage: where);
                break;
            case ExportDeclarationSyntax d:
                text.ShouldStartWith("export " + d.Name.Text, customMessage: where);
                break;
            case TableDeclarationSyntax d:
                text.ShouldStartWith("table " + d.Name.Text, customMessage: where);
                text.ShouldEndWith("}", customMessage: where);
                break;
            case MarginCallDeclarationSyntax:
                text.ShouldStartWith("margin_call", customMessage: where);
                text.ShouldEndWith("}", customMessage: where);
                break;
            case LiquidationDeclarationSyntax d:
                text.ShouldStartWith("liquidation " + d.Name.Text, customMessage: where);
                text.ShouldEndWith("}", customMessage: where);
                break;
            case AdlDeclarationSyntax:
                text.ShouldStartWith("adl", customMessage: where);
                break;
            case LiquidationSizeSyntax s:
                text.ShouldStartWith(s.Kind.ToString().ToLowerInvariant(), customMessage: where);
                break;
            case PenaltySyntax p:
                text.ShouldStartWith("penalty ", customMessage: where);
                source.GetText(p.RecipientSpan).ShouldBe(p.Recipient.ToString().ToLowerInvariant(), where);
                node.Span.End.ShouldBe(p.RecipientSpan.End, where);
                break;
            case CallSyntax c:
                text.ShouldStartWith(c.Function.Text + "(", customMessage: where);
                text.ShouldEndWith(")", customMessage: where);
                source.GetText(c.Function.Span).ShouldBe(c.Function.Text, where);
                break;
            case AggregateSyntax a:
                text.ShouldStartWith(a.Kind.ToString().ToLowerInvariant() + "(", customMessage: where);
                text.ShouldEndWith(")", customMessage: where);
                break;
            case BinarySyntax b:
                source.GetText(b.OperatorSpan).ShouldBe(SyntaxFacts.Text(b.Operator), where);
                (b.Left.Span.End <= b.OperatorSpan.Start && b.OperatorSpan.End <= b.Right.Span.Start).ShouldBeTrue(where + ": operator between its operands");
                break;
            case UnarySyntax u:
                source.GetText(u.OperatorSpan).ShouldBe(u.Operator == UnaryOperator.Negate ? "-" : "not", where);
                node.Span.Start.ShouldBe(u.OperatorSpan.Start, where);
                break;
            case ConditionalSyntax:
                text.ShouldStartWith("if ", customMessage: where);
                break;
            case NumberLiteralSyntax n:
                text.ShouldStartWith(n.Text, customMessage: where);
                if (n.UnitSuffix != null) text.ShouldEndWith(" " + n.UnitSuffix.Text, customMessage: where);
                else text.ShouldBe(n.Text, where);
                break;
            case StringLiteralSyntax:
                text.ShouldStartWith("\"", customMessage: where);
                text.ShouldEndWith("\"", customMessage: where);
                break;
            case BoolLiteralSyntax b:
                text.ShouldBe(b.Value ? "true" : "false", where);
                break;
            case NameSyntax n:
                text.ShouldBe(n.Name, where);
                break;
            case MemberAccessSyntax m:
                node.Span.Start.ShouldBe(m.Target.Span.Start, where);
                text.ShouldEndWith("." + m.Member.Text, customMessage: where);
                break;
            case IndexSyntax i:
                node.Span.Start.ShouldBe(i.Target.Span.Start, where);
                text.ShouldEndWith("]", customMessage: where);
                break;
        }
    }

    private static IEnumerable<(SyntaxNode Node, SyntaxNode? Parent)> Walk(SyntaxNode root)
    {
        var stack = new Stack<(SyntaxNode, SyntaxNode?)>();
        stack.Push((root, null));
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            yield return (node, parent);
            foreach (var child in SyntaxFacts.Children(node)) stack.Push((child, node));
        }
    }

    private static string Load(string policy) => policy == "extra"
        ? Extra
        : File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", policy));
}
