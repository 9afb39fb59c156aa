using System;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using MarginRules.Accounts;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;
using MarginRules.Runtime;

namespace MarginRules.Compilation;

internal sealed partial class LinqExpressionCompiler
{
    /// <summary>The members compiled code reads or calls, looked up once.</summary>
    private static class Members
    {
        public static readonly PropertyInfo FrameNumbers = Property(typeof(EvaluationFrame), nameof(EvaluationFrame.Numbers));
        public static readonly PropertyInfo FrameFlags = Property(typeof(EvaluationFrame), nameof(EvaluationFrame.Flags));
        public static readonly PropertyInfo FrameTexts = Property(typeof(EvaluationFrame), nameof(EvaluationFrame.Texts));
        public static readonly MethodInfo FrameSetCall = Method(typeof(EvaluationFrame), nameof(EvaluationFrame.SetCall), typeof(bool), typeof(decimal));
        public static readonly MethodInfo FrameSetRule = Method(typeof(EvaluationFrame), nameof(EvaluationFrame.SetRule), typeof(int));
        public static readonly MethodInfo SequentialRun = Method(typeof(SequentialRun), nameof(Compilation.SequentialRun.Run), typeof(Account), typeof(Market), typeof(EvaluationFrame));

        public static readonly MethodInfo DecimalAdd = Method(typeof(decimal), "op_Addition", typeof(decimal), typeof(decimal));
        public static readonly MethodInfo DecimalSubtract = Method(typeof(decimal), "op_Subtraction", typeof(decimal), typeof(decimal));
        public static readonly MethodInfo DecimalMultiply = Method(typeof(decimal), "op_Multiply", typeof(decimal), typeof(decimal));
        public static readonly MethodInfo DecimalDivide = Method(typeof(decimal), "op_Division", typeof(decimal), typeof(decimal));
        public static readonly MethodInfo DecimalNegate = Method(typeof(decimal), "op_UnaryNegation", typeof(decimal));
        public static readonly MethodInfo DecimalLess = Method(typeof(decimal), "op_LessThan", typeof(decimal), typeof(decimal));
        public static readonly MethodInfo DecimalLessOrEqual = Method(typeof(decimal), "op_LessThanOrEqual", typeof(decimal), typeof(decimal));
        public static readonly MethodInfo DecimalGreater = Method(typeof(decimal), "op_GreaterThan", typeof(decimal), typeof(decimal));
        public static readonly MethodInfo DecimalGreaterOrEqual = Method(typeof(decimal), "op_GreaterThanOrEqual", typeof(decimal), typeof(decimal));
        public static readonly MethodInfo DecimalEqual = Method(typeof(decimal), "op_Equality", typeof(decimal), typeof(decimal));

        public static readonly MethodInfo TextEquals = Method(typeof(string), nameof(string.Equals), typeof(string), typeof(string));
        public static readonly MethodInfo FromCount = Method(typeof(DecimalOperators), nameof(DecimalOperators.FromCount), typeof(int));
        public static readonly MethodInfo PositionSide = Method(typeof(PositionValues), nameof(PositionValues.Side), typeof(decimal));
        public static readonly MethodInfo PositionNotional = Method(typeof(PositionValues), nameof(PositionValues.Notional), typeof(decimal), typeof(decimal));
        public static readonly MethodInfo PositionUpnl = Method(typeof(PositionValues), nameof(PositionValues.Upnl), typeof(decimal), typeof(decimal), typeof(decimal));

        public static readonly MethodInfo BuiltinMin = Method(typeof(Builtins), nameof(Builtins.Min), typeof(decimal), typeof(decimal));
        public static readonly MethodInfo BuiltinMax = Method(typeof(Builtins), nameof(Builtins.Max), typeof(decimal), typeof(decimal));
        public static readonly MethodInfo BuiltinAbs = Method(typeof(Builtins), nameof(Builtins.Abs), typeof(decimal));
        public static readonly MethodInfo BuiltinClamp = Method(typeof(Builtins), nameof(Builtins.Clamp), typeof(decimal), typeof(decimal), typeof(decimal));
        public static readonly MethodInfo BuiltinFloor = Method(typeof(Builtins), nameof(Builtins.Floor), typeof(decimal));
        public static readonly MethodInfo BuiltinCeil = Method(typeof(Builtins), nameof(Builtins.Ceil), typeof(decimal));
        public static readonly MethodInfo BuiltinSqrt = Method(typeof(Builtins), nameof(Builtins.Sqrt), typeof(decimal));
        public static readonly MethodInfo BuiltinExp = Method(typeof(Builtins), nameof(Builtins.Exp), typeof(decimal));
        public static readonly MethodInfo BuiltinLn = Method(typeof(Builtins), nameof(Builtins.Ln), typeof(decimal));
        public static readonly MethodInfo BuiltinPow = Method(typeof(Builtins), nameof(Builtins.Pow), typeof(decimal), typeof(int));
        public static readonly MethodInfo BuiltinPowComputed = Method(typeof(Builtins), nameof(Builtins.Pow), typeof(decimal), typeof(decimal));
        public static readonly MethodInfo BuiltinRound = Method(typeof(Builtins), nameof(Builtins.Round), typeof(decimal), typeof(int), typeof(RoundingMode));
        public static readonly MethodInfo BuiltinRoundComputed = Method(typeof(Builtins), nameof(Builtins.Round), typeof(decimal), typeof(decimal), typeof(RoundingMode));

        public static readonly MethodInfo QuotePrice = Method(typeof(MarketQuotes), nameof(MarketQuotes.Price), typeof(Market), typeof(string));
        public static readonly MethodInfo QuoteVolatility = Method(typeof(MarketQuotes), nameof(MarketQuotes.Volatility), typeof(Market), typeof(string));
        public static readonly MethodInfo QuoteOpenInterest = Method(typeof(MarketQuotes), nameof(MarketQuotes.OpenInterest), typeof(Market), typeof(string));
        public static readonly MethodInfo TagsContains = Method(typeof(AccountTags), nameof(AccountTags.Contains), typeof(ImmutableArray<string>), typeof(string));
        public static readonly MethodInfo KeyedRow = Method(typeof(TableRows), nameof(TableRows.Keyed), typeof(FrozenDictionary<string, int>), typeof(string), typeof(int));
        public static readonly MethodInfo TaggedRow = Method(typeof(TableRows), nameof(TableRows.Tagged), typeof(string[]), typeof(ImmutableArray<string>), typeof(int));
        public static readonly MethodInfo NumberedCell = Method(typeof(TableRows), nameof(TableRows.NumberedCell), typeof(decimal[][]), typeof(int), typeof(decimal));
        public static readonly MethodInfo BracketFind = Method(typeof(BracketBounds), nameof(BracketBounds.Find), typeof(decimal));

        private static readonly CollectionMembers Positions = CollectionMembers.For<Position>(nameof(Account.Positions));
        private static readonly CollectionMembers Holdings = CollectionMembers.For<Holding>(nameof(Account.Holdings));
        private static readonly CollectionMembers Debts = CollectionMembers.For<Debt>(nameof(Account.Debts));

        public static CollectionMembers Collection(CollectionKind kind) => kind switch
        {
            CollectionKind.Positions => Positions,
            CollectionKind.Holdings => Holdings,
            _ => Debts,
        };

        private const BindingFlags AnyInstance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        private const BindingFlags AnyMember = AnyInstance | BindingFlags.Static;

        private static PropertyInfo Property(Type type, string name) => type.GetProperty(name, AnyInstance) ?? throw Missing(type.Name + "." + name);

        private static MethodInfo Method(Type type, string name, params Type[] parameters) =>
            type.GetMethod(name, AnyMember, parameters) ?? throw Missing(type.Name + "." + name);

        private static MissingMemberException Missing(string name) => new($"the compiler needs {name}");
    }

    /// <summary>How compiled code reaches one of the account's collections and its items.</summary>
    private sealed record CollectionMembers(string AccountProperty, Type ArrayType, Type ItemType, PropertyInfo Indexer)
    {
        public static CollectionMembers For<T>(string accountProperty) =>
            new(accountProperty, typeof(ImmutableArray<T>), typeof(T),
                typeof(ImmutableArray<T>).GetProperty("Item", new[] { typeof(int) }) ?? throw new MissingMemberException("ImmutableArray indexer"));
    }
}
