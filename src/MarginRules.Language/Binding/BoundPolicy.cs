using System.Collections.Generic;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A checked policy: every name resolved, every expression typed with units. The compiler only ever sees these.</summary>
    public sealed class BoundPolicy
    {
        internal BoundPolicy(SourceText source)
        {
            Source = source;
        }

        /// <summary>The policy's source.</summary>
        public SourceText Source { get; }

        /// <summary>The policy's name.</summary>
        public string Name { get; internal set; } = string.Empty;

        /// <summary>The policy's version, if declared.</summary>
        public string? Version { get; internal set; }

        /// <summary>The quote currency, if declared.</summary>
        public string? Currency { get; internal set; }

        /// <summary>The parameters in source order.</summary>
        public IReadOnlyList<ParameterSymbol> Parameters { get; internal set; } = new ParameterSymbol[0];

        /// <summary>The tables in source order.</summary>
        public IReadOnlyList<TableSymbol> Tables { get; internal set; } = new TableSymbol[0];

        /// <summary>Every named value (definitions, exports, equity, requirements), ordered so each comes after everything it uses.</summary>
        public IReadOnlyList<LetSymbol> Lets { get; internal set; } = new LetSymbol[0];

        /// <summary>The user functions.</summary>
        public IReadOnlyList<FunctionSymbol> Functions { get; internal set; } = new FunctionSymbol[0];

        /// <summary>The equity.</summary>
        public LetSymbol Equity { get; internal set; } = null!;

        /// <summary>The initial requirement, if declared.</summary>
        public LetSymbol? Initial { get; internal set; }

        /// <summary>The maintenance requirement.</summary>
        public LetSymbol Maintenance { get; internal set; } = null!;

        /// <summary>The exported values in source order.</summary>
        public IReadOnlyList<LetSymbol> Exports { get; internal set; } = new LetSymbol[0];

        /// <summary>The margin-call rule, if declared.</summary>
        public MarginCallRule? MarginCall { get; internal set; }

        /// <summary>The liquidation rules in source (priority) order.</summary>
        public IReadOnlyList<LiquidationRule> Liquidations { get; internal set; } = new LiquidationRule[0];

        /// <summary>The auto-deleveraging ranking, if declared.</summary>
        public AdlRule? Adl { get; internal set; }

        /// <summary>True when the policy reads <c>account.rounds_since_liquidation</c>, which changes every round.</summary>
        public bool ReadsRoundsSinceLiquidation { get; internal set; }
    }
}
