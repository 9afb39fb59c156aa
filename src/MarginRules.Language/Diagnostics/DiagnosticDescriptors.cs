using System.Collections.Generic;
using System.Linq;

namespace MarginRules.Language.Diagnostics
{
    /// <summary>Every diagnostic the language reports, by stable code; codes are never reused.</summary>
    public static class DiagnosticDescriptors
    {
        // ---- MR00xx: syntax ----

        /// <summary>MR0001: the parser met a token the grammar does not allow there.</summary>
        public static readonly DiagnosticDescriptor SyntaxError = Make("MR0001", DiagnosticStage.Syntax, DiagnosticSeverity.Error, "Syntax error", "{0}");

        /// <summary>MR0002: a string literal runs to the end of its line.</summary>
        public static readonly DiagnosticDescriptor UnterminatedString = Make("MR0002", DiagnosticStage.Syntax, DiagnosticSeverity.Error, "Unterminated string", "unterminated string literal");

        /// <summary>MR0003: a character that cannot appear in policy text.</summary>
        public static readonly DiagnosticDescriptor InvalidCharacter = Make("MR0003", DiagnosticStage.Syntax, DiagnosticSeverity.Error, "Invalid character", "invalid character {0}");

        /// <summary>MR0004: a number that a decimal cannot hold exactly.</summary>
        public static readonly DiagnosticDescriptor NumberOutOfRange = Make("MR0004", DiagnosticStage.Syntax, DiagnosticSeverity.Error, "Number out of range", "number `{0}` cannot be held exactly by a decimal (at most 28 significant digits, magnitude below 7.9e28)");

        /// <summary>MR0005: nesting deeper than the documented limit.</summary>
        public static readonly DiagnosticDescriptor NestingTooDeep = Make("MR0005", DiagnosticStage.Syntax, DiagnosticSeverity.Error, "Nesting too deep", "expression is nested deeper than the limit of {0}");

        /// <summary>MR0006: the policy text is larger than the documented limit.</summary>
        public static readonly DiagnosticDescriptor TextTooLarge = Make("MR0006", DiagnosticStage.Syntax, DiagnosticSeverity.Error, "Policy too large", "policy text is {0} characters long; the limit is {1}");

        /// <summary>MR0007: the text does not start with a policy header.</summary>
        public static readonly DiagnosticDescriptor MissingHeader = Make("MR0007", DiagnosticStage.Syntax, DiagnosticSeverity.Error, "Missing header", "a policy must start with `policy \"name\"`");

        /// <summary>MR0008: an unknown escape sequence inside a string.</summary>
        public static readonly DiagnosticDescriptor InvalidEscape = Make("MR0008", DiagnosticStage.Syntax, DiagnosticSeverity.Error, "Invalid escape", "invalid escape sequence `{0}` (use \\\", \\\\, \\n or \\t)");

        // ---- MR01xx: names ----

        /// <summary>MR0101: a name that is not declared.</summary>
        public static readonly DiagnosticDescriptor UnknownName = Make("MR0101", DiagnosticStage.Names, DiagnosticSeverity.Error, "Unknown name", "unknown name `{0}`");

        /// <summary>MR0102: a name or a single declaration declared twice.</summary>
        public static readonly DiagnosticDescriptor DuplicateDeclaration = Make("MR0102", DiagnosticStage.Names, DiagnosticSeverity.Error, "Duplicate declaration", "`{0}` is already declared");

        /// <summary>MR0103: a member that the value's kind does not have.</summary>
        public static readonly DiagnosticDescriptor UnknownMember = Make("MR0103", DiagnosticStage.Names, DiagnosticSeverity.Error, "Unknown member", "{0} has no member `{1}`");

        /// <summary>MR0104: a call to a function that does not exist.</summary>
        public static readonly DiagnosticDescriptor UnknownFunction = Make("MR0104", DiagnosticStage.Names, DiagnosticSeverity.Error, "Unknown function", "unknown function `{0}`");

        /// <summary>MR0105: a definition or function that depends on itself.</summary>
        public static readonly DiagnosticDescriptor Recursion = Make("MR0105", DiagnosticStage.Names, DiagnosticSeverity.Error, "Recursive definition", "`{0}` depends on itself ({1}); recursion is not allowed");

        /// <summary>MR0106: a table column that does not exist.</summary>
        public static readonly DiagnosticDescriptor UnknownColumn = Make("MR0106", DiagnosticStage.Names, DiagnosticSeverity.Error, "Unknown column", "table `{0}` has no column `{1}`");

        /// <summary>MR0107: a declaration every policy needs is missing.</summary>
        public static readonly DiagnosticDescriptor MissingDeclaration = Make("MR0107", DiagnosticStage.Names, DiagnosticSeverity.Error, "Missing declaration", "the policy declares no `{0}`");

        /// <summary>MR0108: an aggregate over something that is neither a collection nor a table.</summary>
        public static readonly DiagnosticDescriptor UnknownCollection = Make("MR0108", DiagnosticStage.Names, DiagnosticSeverity.Error, "Unknown collection", "unknown collection `{0}`; expected positions, holdings, debts or a table keyed by asset or symbol");

        /// <summary>MR0109: an unknown rounding mode.</summary>
        public static readonly DiagnosticDescriptor UnknownRoundingMode = Make("MR0109", DiagnosticStage.Names, DiagnosticSeverity.Error, "Unknown rounding mode", "unknown rounding mode `{0}`; expected half_up, half_even, down or up");

        /// <summary>MR0110: a name used as a value that is not one (a table, a function, a collection).</summary>
        public static readonly DiagnosticDescriptor NotAValue = Make("MR0110", DiagnosticStage.Names, DiagnosticSeverity.Error, "Not a value", "`{0}` is {1}, not a value");

        /// <summary>MR0111: a parameter override names no parameter.</summary>
        public static readonly DiagnosticDescriptor UnknownParameterOverride = Make("MR0111", DiagnosticStage.Names, DiagnosticSeverity.Error, "Unknown parameter", "the policy has no parameter `{0}` to override");

        /// <summary>MR0112: a variable name that hides another name in scope.</summary>
        public static readonly DiagnosticDescriptor ShadowedVariable = Make("MR0112", DiagnosticStage.Names, DiagnosticSeverity.Error, "Variable hides a name", "variable `{0}` hides a declaration with the same name");

        // ---- MR02xx: types and units ----

        /// <summary>MR0201: a value of the wrong type or unit.</summary>
        public static readonly DiagnosticDescriptor TypeMismatch = Make("MR0201", DiagnosticStage.Units, DiagnosticSeverity.Error, "Type mismatch", "expected {0}, found {1}");

        /// <summary>MR0202: a comparison between different units.</summary>
        public static readonly DiagnosticDescriptor CannotCompare = Make("MR0202", DiagnosticStage.Units, DiagnosticSeverity.Error, "Cannot compare", "cannot compare {0} with {1}");

        /// <summary>MR0203: an addition of different units.</summary>
        public static readonly DiagnosticDescriptor CannotAdd = Make("MR0203", DiagnosticStage.Units, DiagnosticSeverity.Error, "Cannot add", "cannot add {1} to {0}");

        /// <summary>MR0204: a subtraction of different units.</summary>
        public static readonly DiagnosticDescriptor CannotSubtract = Make("MR0204", DiagnosticStage.Units, DiagnosticSeverity.Error, "Cannot subtract", "cannot subtract {1} from {0}");

        /// <summary>MR0205: a condition that is not a bool.</summary>
        public static readonly DiagnosticDescriptor ConditionNotBool = Make("MR0205", DiagnosticStage.Units, DiagnosticSeverity.Error, "Condition is not bool", "a condition must be bool, found {0}");

        /// <summary>MR0206: a call with the wrong number of arguments.</summary>
        public static readonly DiagnosticDescriptor ArgumentCount = Make("MR0206", DiagnosticStage.Units, DiagnosticSeverity.Error, "Wrong argument count", "`{0}` takes {1}, found {2}");

        /// <summary>MR0207: a literal suffix that is not the policy's currency.</summary>
        public static readonly DiagnosticDescriptor UnknownUnitSuffix = Make("MR0207", DiagnosticStage.Units, DiagnosticSeverity.Error, "Unknown unit suffix", "unknown unit `{0}`; the policy's currency is {1}");

        /// <summary>MR0208: a parameter default or other value that must be a constant.</summary>
        public static readonly DiagnosticDescriptor NotConstant = Make("MR0208", DiagnosticStage.Units, DiagnosticSeverity.Error, "Not a constant", "{0} must be a constant");

        /// <summary>MR0209: the two branches of an if have different types.</summary>
        public static readonly DiagnosticDescriptor BranchMismatch = Make("MR0209", DiagnosticStage.Units, DiagnosticSeverity.Error, "Branches differ", "the branches of `if` differ: {0} and {1}");

        /// <summary>MR0210: an operator applied to a type it does not accept.</summary>
        public static readonly DiagnosticDescriptor InvalidOperand = Make("MR0210", DiagnosticStage.Units, DiagnosticSeverity.Error, "Invalid operand", "operator `{0}` cannot be applied to {1}");

        /// <summary>MR0211: rounding digits that are not a whole constant from 0 to 28.</summary>
        public static readonly DiagnosticDescriptor InvalidRoundingDigits = Make("MR0211", DiagnosticStage.Units, DiagnosticSeverity.Error, "Invalid rounding digits", "rounding digits must be a whole constant from 0 to 28");

        /// <summary>MR0212: a deadline that is not a whole, non-negative number of rounds.</summary>
        public static readonly DiagnosticDescriptor InvalidDeadline = Make("MR0212", DiagnosticStage.Units, DiagnosticSeverity.Error, "Invalid deadline", "a deadline must be a whole number of rounds, 0 or more");

        /// <summary>MR0213: a parameter override of the wrong type or unit.</summary>
        public static readonly DiagnosticDescriptor InvalidParameterOverride = Make("MR0213", DiagnosticStage.Units, DiagnosticSeverity.Error, "Invalid parameter override", "parameter `{0}` is {1}; the override `{2}` is not");

        /// <summary>MR0214: a count that is not a whole number.</summary>
        public static readonly DiagnosticDescriptor CountNotWhole = Make("MR0214", DiagnosticStage.Units, DiagnosticSeverity.Error, "Count is not whole", "a count must be a whole number, found {0}");

        /// <summary>MR0215: `size whole` in a rule that takes positions or debts, or with a chunk.</summary>
        public static readonly DiagnosticDescriptor InvalidWholeSize = Make("MR0215", DiagnosticStage.Units, DiagnosticSeverity.Error, "Invalid size whole", "`size whole` {0}");

        /// <summary>MR0216: a penalty `after debt` in a rule that takes positions or debts, or with `size whole`.</summary>
        public static readonly DiagnosticDescriptor InvalidJuniorPenalty = Make("MR0216", DiagnosticStage.Units, DiagnosticSeverity.Error, "Invalid penalty after debt", "a penalty `after debt` {0}");

        /// <summary>MR0217: an item parameter given something other than an item variable of its kind.</summary>
        public static readonly DiagnosticDescriptor InvalidItemArgument = Make("MR0217", DiagnosticStage.Units, DiagnosticSeverity.Error, "Invalid item argument", "`{0}`'s parameter `{1}` is {2}: pass the variable of an aggregate, `take` or `adl rank` over {3}");

        // ---- MR03xx: tables ----

        /// <summary>MR0301: a gap between two brackets.</summary>
        public static readonly DiagnosticDescriptor BracketGap = Make("MR0301", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Gap between brackets", "bracket starts at {0} but the previous one ends at {1}: values from {1} up to {0} are not covered");

        /// <summary>MR0302: two brackets that overlap.</summary>
        public static readonly DiagnosticDescriptor BracketOverlap = Make("MR0302", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Overlapping brackets", "bracket starts at {0} but the previous one ends at {1}: values from {0} up to {1} are in both");

        /// <summary>MR0303: a bracket whose bounds are not in ascending order.</summary>
        public static readonly DiagnosticDescriptor BracketOrder = Make("MR0303", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Brackets out of order", "{0}");

        /// <summary>MR0304: values at either end that no bracket covers.</summary>
        public static readonly DiagnosticDescriptor BracketCoverage = Make("MR0304", DiagnosticStage.Tables, DiagnosticSeverity.Warning, "Values not covered", "table `{0}` does not cover {1}; looking them up fails at run time");

        /// <summary>MR0305: two rows with the same key.</summary>
        public static readonly DiagnosticDescriptor DuplicateRow = Make("MR0305", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Duplicate row", "table `{0}` already has a row `{1}`");

        /// <summary>MR0306: a row with the wrong number of cells.</summary>
        public static readonly DiagnosticDescriptor CellCount = Make("MR0306", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Wrong number of cells", "row has {0} cells but table `{1}` has {2} columns");

        /// <summary>MR0307: a cell that does not fit its column.</summary>
        public static readonly DiagnosticDescriptor CellType = Make("MR0307", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Cell does not fit column", "column `{0}` holds {1}; `{2}` does not fit");

        /// <summary>MR0308: a lookup key of the wrong kind or unit.</summary>
        public static readonly DiagnosticDescriptor LookupKey = Make("MR0308", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Wrong lookup key", "table `{0}` is keyed by {1}; the key given is {2}");

        /// <summary>MR0309: a row key of the wrong form for the table.</summary>
        public static readonly DiagnosticDescriptor RowKeyForm = Make("MR0309", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Wrong row key", "{0}");

        /// <summary>MR0310: a table with no rows.</summary>
        public static readonly DiagnosticDescriptor EmptyTable = Make("MR0310", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Empty table", "table `{0}` has no rows");

        /// <summary>MR0311: a table used without choosing a column.</summary>
        public static readonly DiagnosticDescriptor MissingColumn = Make("MR0311", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Missing column", "choose a column of table `{0}`: {1}");

        /// <summary>MR0312: an aggregate over a tag or bracket table, whose rows have no text key to iterate.</summary>
        public static readonly DiagnosticDescriptor TableNotIterable = Make("MR0312", DiagnosticStage.Tables, DiagnosticSeverity.Error, "Table cannot be iterated", "an aggregate cannot iterate table `{0}`, keyed by {1}; only tables keyed by asset or symbol have rows to iterate");

        // ---- MR04xx: lints ----

        /// <summary>MR0401: a parameter nothing uses.</summary>
        public static readonly DiagnosticDescriptor UnusedParameter = Make("MR0401", DiagnosticStage.Lints, DiagnosticSeverity.Warning, "Unused parameter", "parameter `{0}` is never used");

        /// <summary>MR0402: a definition, function or table nothing uses.</summary>
        public static readonly DiagnosticDescriptor UnusedDefinition = Make("MR0402", DiagnosticStage.Lints, DiagnosticSeverity.Warning, "Unused definition", "`{0}` is never used");

        /// <summary>MR0403: a trigger that can never be true.</summary>
        public static readonly DiagnosticDescriptor TriggerNeverTrue = Make("MR0403", DiagnosticStage.Lints, DiagnosticSeverity.Warning, "Trigger never true", "the trigger of `{0}` can never be true");

        /// <summary>MR0404: a liquidation rule an earlier rule always takes first.</summary>
        public static readonly DiagnosticDescriptor TriggerShadowed = Make("MR0404", DiagnosticStage.Lints, DiagnosticSeverity.Warning, "Rule shadowed", "liquidation `{0}` can never apply: whenever its trigger holds, the earlier `{1}` applies");

        /// <summary>MR0405: maintenance above initial.</summary>
        public static readonly DiagnosticDescriptor MaintenanceAboveInitial = Make("MR0405", DiagnosticStage.Lints, DiagnosticSeverity.Warning, "Maintenance above initial", "the maintenance requirement is above the initial requirement ({0} > {1})");

        /// <summary>MR0406: a liquidation threshold below the loan-to-value.</summary>
        public static readonly DiagnosticDescriptor ThresholdBelowLtv = Make("MR0406", DiagnosticStage.Lints, DiagnosticSeverity.Warning, "Threshold below LTV", "liquidation threshold {0} is below the LTV {1} for `{2}`: a maximal borrow is liquidatable at once");

        /// <summary>MR0407: a haircut outside [0%, 100%].</summary>
        public static readonly DiagnosticDescriptor HaircutRange = Make("MR0407", DiagnosticStage.Lints, DiagnosticSeverity.Warning, "Haircut out of range", "haircut {0} is outside [0%, 100%]");

        /// <summary>MR0408: a division by something that may be zero, without a guard.</summary>
        public static readonly DiagnosticDescriptor UnguardedDivision = Make("MR0408", DiagnosticStage.Lints, DiagnosticSeverity.Warning, "Unguarded division", "`{0}` can be zero; guard the division with `if {0} > 0 then … else …` or `max({0}, …)`");

        /// <summary>MR0409: a bare fraction where a ratio is meant.</summary>
        public static readonly DiagnosticDescriptor FractionAsPercent = Make("MR0409", DiagnosticStage.Lints, DiagnosticSeverity.Info, "Write ratios as percentages", "write the ratio {0} as {1}");

        /// <summary>Every descriptor, in code order.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, System.StringComparer.Ordinal)
            .ToArray();

        private static DiagnosticDescriptor Make(string id, DiagnosticStage stage, DiagnosticSeverity severity, string title, string format) =>
            new DiagnosticDescriptor(id, stage, severity, title, format);
    }
}
