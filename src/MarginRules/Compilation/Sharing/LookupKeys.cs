using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MarginRules.Language.Binding;
using MarginRules.Language.Syntax;

namespace MarginRules.Compilation.Sharing;

/// <summary>
/// Names lookups so that two lookups with the same name compute the same value whenever both are evaluated in one
/// iteration of the same loops: the name spells out the key expression with each variable replaced by the number of
/// the binding it refers to, and each literal by its exact bits, scale and sign included.
/// </summary>
internal sealed class LookupKeys
{
    // Variables are named by binding, not by symbol: an inlined function body is shared by its call sites, and its
    // parameters are bound to different arguments at each one.
    private readonly Dictionary<VariableSymbol, int> _bindings = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, int> _symbols = new(ReferenceEqualityComparer.Instance);
    private int _nextBinding;

    /// <summary>Binds a variable afresh (an aggregate's item, an inlined call's parameter); returns the binding it hides.</summary>
    public int? Bind(VariableSymbol variable)
    {
        int? hidden = _bindings.TryGetValue(variable, out var outer) ? outer : null;
        _bindings[variable] = _nextBinding++;
        return hidden;
    }

    /// <summary>Ends a binding made by <see cref="Bind"/>, restoring the one it hid.</summary>
    public void Unbind(VariableSymbol variable, int? hidden)
    {
        if (hidden.HasValue) _bindings[variable] = hidden.Value;
        else _bindings.Remove(variable);
    }

    /// <summary>Binds variables to one fresh binding, for loops that walk the same items; returns the bindings they hide.</summary>
    public int?[] BindTogether(IReadOnlyList<VariableSymbol> variables)
    {
        var binding = _nextBinding++;
        var hidden = new int?[variables.Count];
        for (var i = 0; i < variables.Count; i++)
        {
            hidden[i] = _bindings.TryGetValue(variables[i], out var outer) ? outer : null;
            _bindings[variables[i]] = binding;
        }

        return hidden;
    }

    /// <summary>Ends the bindings made by <see cref="BindTogether"/>, restoring those they hid.</summary>
    public void UnbindTogether(IReadOnlyList<VariableSymbol> variables, int?[] hidden)
    {
        for (var i = variables.Count - 1; i >= 0; i--) Unbind(variables[i], hidden[i]);
    }

    /// <summary>The name of an item's market price, or of a field derived from it.</summary>
    public string ItemField(VariableSymbol variable, ItemField field) =>
        "i" + Binding(variable).ToString(CultureInfo.InvariantCulture) + "." + ((int)field).ToString(CultureInfo.InvariantCulture);

    /// <summary>The name of a table row, or null when the key cannot be named (it holds an aggregate, a call or <c>call_expired</c>).</summary>
    public string? TableRow(BoundTableLookup lookup)
    {
        var text = new StringBuilder("(t").Append(Symbol(lookup.Table));
        if (lookup.Table.KeyKind == TableKeyKind.Tag) return text.Append(')').ToString();
        return Append(text, lookup.Key) ? text.Append(')').ToString() : null;
    }

    /// <summary>The name of a market price or volatility, or null when the asset expression cannot be named.</summary>
    public string? MarketValue(BoundMarketLookup lookup)
    {
        var text = new StringBuilder("(m").Append((int)lookup.Field);
        return Append(text, lookup.Asset) ? text.Append(')').ToString() : null;
    }

    private int Binding(VariableSymbol variable)
    {
        // A variable bound outside every expression the pass sees, such as a rule's item, gets one binding for the delegate.
        if (!_bindings.TryGetValue(variable, out var binding))
        {
            binding = _nextBinding++;
            _bindings.Add(variable, binding);
        }

        return binding;
    }

    private int Symbol(object symbol)
    {
        if (!_symbols.TryGetValue(symbol, out var id))
        {
            id = _symbols.Count;
            _symbols.Add(symbol, id);
        }

        return id;
    }

    // Every leaf is self-delimiting and every inner node is parenthesised with a fixed number of children, so equal
    // text means equal trees. Aggregates and inlined calls bind variables of their own and are left unnamed.
    private bool Append(StringBuilder text, BoundExpression e)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case BoundLiteral { Value: decimal d }:
                Span<int> bits = stackalloc int[4];
                decimal.GetBits(d, bits);
                text.Append('n');
                foreach (var word in bits) text.Append(word.ToString("x8", CultureInfo.InvariantCulture));
                return true;
            case BoundLiteral { Value: bool b }:
                text.Append(b ? 'T' : 'F');
                return true;
            case BoundLiteral { Value: string s }:
                text.Append('s').Append(s.Length).Append(':').Append(s);
                return true;
            case BoundParameterReference parameter:
                text.Append('p').Append(Symbol(parameter.Parameter));
                return true;
            case BoundLetReference let:
                text.Append('l').Append(Symbol(let.Let));
                return true;
            case BoundVariableReference variable:
                text.Append('v').Append(Binding(variable.Variable));
                return true;
            case BoundAccountField field:
                text.Append('a').Append((int)field.Field);
                return true;
            case BoundItemField field:
                text.Append(ItemField(field.Variable, field.Field));
                return true;
            case BoundUnary unary:
                text.Append("(u").Append((int)unary.Operator);
                return Append(text, unary.Operand) && Close(text);
            case BoundBinary binary:
                text.Append("(b").Append((int)binary.Operator);
                return Append(text, binary.Left) && Append(text, binary.Right) && Close(text);
            case BoundConditional conditional:
                text.Append("(c");
                return Append(text, conditional.Condition) && Append(text, conditional.WhenTrue) && Append(text, conditional.WhenFalse) && Close(text);
            case BoundBuiltinCall call:
                text.Append("(f").Append((int)call.Function).Append('.').Append((int)call.Mode).Append('.').Append(call.Arguments.Count);
                foreach (var argument in call.Arguments)
                    if (!Append(text, argument)) return false;
                return Close(text);
            case BoundTableLookup lookup:
                var row = TableRow(lookup);
                if (row == null) return false;
                text.Append("(k").Append(lookup.Column).Append(row);
                return Close(text);
            case BoundMarketLookup lookup:
                var value = MarketValue(lookup);
                if (value == null) return false;
                text.Append(value);
                return true;
            case BoundTagged tagged:
                text.Append("(g");
                return Append(text, tagged.Tag) && Close(text);
            default:
                // Aggregates, inlined calls and call_expired, which reads a flag Run sets between named values.
                return false;
        }
    }

    private static bool Close(StringBuilder text)
    {
        text.Append(')');
        return true;
    }
}
