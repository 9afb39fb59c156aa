using System.Collections.Generic;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Binding
{
    /// <summary>The vocabulary of accounts and markets: member names, their fields and types.</summary>
    public static class BindingFacts
    {
        private static readonly Dictionary<string, (ItemField Field, PolicyType Type)> PositionMembers = new Dictionary<string, (ItemField, PolicyType)>
        {
            ["symbol"] = (ItemField.Symbol, PolicyType.TextType),
            ["size"] = (ItemField.Size, PolicyType.QuantityType),
            ["side"] = (ItemField.Side, PolicyType.RatioType),
            ["entry_price"] = (ItemField.EntryPrice, PolicyType.PriceType),
            ["mark_price"] = (ItemField.MarkPrice, PolicyType.PriceType),
            ["notional"] = (ItemField.Notional, PolicyType.MoneyType),
            ["upnl"] = (ItemField.Upnl, PolicyType.MoneyType),
            ["is_long"] = (ItemField.IsLong, PolicyType.BoolType),
            ["is_short"] = (ItemField.IsShort, PolicyType.BoolType),
            ["isolated"] = (ItemField.Isolated, PolicyType.BoolType),
            ["isolated_margin"] = (ItemField.IsolatedMargin, PolicyType.MoneyType),
        };

        private static readonly Dictionary<string, (ItemField Field, PolicyType Type)> AssetMembers = new Dictionary<string, (ItemField, PolicyType)>
        {
            ["asset"] = (ItemField.Asset, PolicyType.TextType),
            ["quantity"] = (ItemField.Quantity, PolicyType.QuantityType),
            ["price"] = (ItemField.Price, PolicyType.PriceType),
            ["value"] = (ItemField.Value, PolicyType.MoneyType),
        };

        private static readonly Dictionary<string, (AccountField Field, PolicyType Type)> AccountMembers = new Dictionary<string, (AccountField, PolicyType)>
        {
            ["wallet"] = (AccountField.Wallet, PolicyType.MoneyType),
            ["tags"] = (AccountField.Tags, PolicyType.TagsType),
            ["call_rounds"] = (AccountField.CallRounds, PolicyType.CountType),
            ["rounds_since_liquidation"] = (AccountField.RoundsSinceLiquidation, PolicyType.CountType),
        };

        /// <summary>The built-in function names with their arity as shown in messages.</summary>
        public static IReadOnlyDictionary<string, string> Builtins { get; } = new Dictionary<string, string>
        {
            ["min"] = "2 or more arguments",
            ["max"] = "2 or more arguments",
            ["abs"] = "1 argument",
            ["clamp"] = "3 arguments",
            ["floor"] = "1 argument",
            ["ceil"] = "1 argument",
            ["round"] = "3 arguments",
            ["sqrt"] = "1 argument",
            ["exp"] = "1 argument",
            ["ln"] = "1 argument",
            ["pow"] = "2 arguments",
            ["price"] = "1 argument",
            ["volatility"] = "1 argument",
            ["open_interest"] = "1 argument",
            ["tagged"] = "1 argument",
        };

        /// <summary>The collection names an aggregate can iterate.</summary>
        public static bool TryGetCollection(string name, out CollectionKind kind)
        {
            switch (name)
            {
                case "positions": kind = CollectionKind.Positions; return true;
                case "holdings": kind = CollectionKind.Holdings; return true;
                case "debts": kind = CollectionKind.Debts; return true;
                default: kind = CollectionKind.Positions; return false;
            }
        }

        /// <summary>The members of an item of the collection.</summary>
        public static IReadOnlyDictionary<string, (ItemField Field, PolicyType Type)> Members(CollectionKind collection) =>
            collection == CollectionKind.Positions ? PositionMembers : AssetMembers;

        /// <summary>The members of <c>account</c>.</summary>
        public static IReadOnlyDictionary<string, (AccountField Field, PolicyType Type)> AccountFields => AccountMembers;

        /// <summary>The source name of an item field.</summary>
        public static string Name(ItemField field)
        {
            foreach (var kv in PositionMembers) if (kv.Value.Field == field) return kv.Key;
            foreach (var kv in AssetMembers) if (kv.Value.Field == field) return kv.Key;
            return field.ToString();
        }

        /// <summary>The source name of an account field.</summary>
        public static string Name(AccountField field)
        {
            foreach (var kv in AccountMembers) if (kv.Value.Field == field) return kv.Key;
            return field.ToString();
        }

        /// <summary>The singular noun for an item of the collection, for messages.</summary>
        public static string ItemNoun(CollectionKind collection) => collection switch
        {
            CollectionKind.Positions => "a position",
            CollectionKind.Holdings => "a holding",
            _ => "a debt",
        };

        /// <summary>The source name of a collection: <c>positions</c>, <c>holdings</c> or <c>debts</c>.</summary>
        public static string CollectionName(CollectionKind collection) => collection switch
        {
            CollectionKind.Positions => "positions",
            CollectionKind.Holdings => "holdings",
            _ => "debts",
        };

        /// <summary>The collection whose items an item type names, or null for a value type.</summary>
        public static CollectionKind? ItemCollection(TypeName type) => type switch
        {
            TypeName.Position => CollectionKind.Positions,
            TypeName.Holding => CollectionKind.Holdings,
            TypeName.Debt => CollectionKind.Debts,
            _ => (CollectionKind?)null,
        };
    }
}
