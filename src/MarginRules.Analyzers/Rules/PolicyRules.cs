// Generated from MarginRules.Language's DiagnosticDescriptors by the analyzer tests' RuleCatalogTests; set
// MARGINRULES_UPDATE_GENERATED=1 and run them to rewrite it. Ids are stable and never reused.
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MarginRules.Analyzers.Rules;

/// <summary>One rule per policy diagnostic code, with the checker's title and default severity.</summary>
internal static class PolicyRules
{
    /// <summary>MR0001: Syntax error.</summary>
    public static readonly DiagnosticDescriptor SyntaxError = new(
        "MR0001",
        "Syntax error",
        "{0}",
        "MarginRules.Syntax",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The parser met a token the grammar does not allow there.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0001.md");

    /// <summary>MR0002: Unterminated string.</summary>
    public static readonly DiagnosticDescriptor UnterminatedString = new(
        "MR0002",
        "Unterminated string",
        "{0}",
        "MarginRules.Syntax",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A string literal runs to the end of its line.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0002.md");

    /// <summary>MR0003: Invalid character.</summary>
    public static readonly DiagnosticDescriptor InvalidCharacter = new(
        "MR0003",
        "Invalid character",
        "{0}",
        "MarginRules.Syntax",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A character that cannot appear in policy text.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0003.md");

    /// <summary>MR0004: Number out of range.</summary>
    public static readonly DiagnosticDescriptor NumberOutOfRange = new(
        "MR0004",
        "Number out of range",
        "{0}",
        "MarginRules.Syntax",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A number that a decimal cannot hold exactly.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0004.md");

    /// <summary>MR0005: Nesting too deep.</summary>
    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "MR0005",
        "Nesting too deep",
        "{0}",
        "MarginRules.Syntax",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Nesting deeper than the documented limit.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0005.md");

    /// <summary>MR0006: Policy too large.</summary>
    public static readonly DiagnosticDescriptor TextTooLarge = new(
        "MR0006",
        "Policy too large",
        "{0}",
        "MarginRules.Syntax",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The policy text is larger than the documented limit.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0006.md");

    /// <summary>MR0007: Missing header.</summary>
    public static readonly DiagnosticDescriptor MissingHeader = new(
        "MR0007",
        "Missing header",
        "{0}",
        "MarginRules.Syntax",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The text does not start with a policy header.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0007.md");

    /// <summary>MR0008: Invalid escape.</summary>
    public static readonly DiagnosticDescriptor InvalidEscape = new(
        "MR0008",
        "Invalid escape",
        "{0}",
        "MarginRules.Syntax",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An unknown escape sequence inside a string.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0008.md");

    /// <summary>MR0101: Unknown name.</summary>
    public static readonly DiagnosticDescriptor UnknownName = new(
        "MR0101",
        "Unknown name",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A name that is not declared.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0101.md");

    /// <summary>MR0102: Duplicate declaration.</summary>
    public static readonly DiagnosticDescriptor DuplicateDeclaration = new(
        "MR0102",
        "Duplicate declaration",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A name or a single declaration declared twice.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0102.md");

    /// <summary>MR0103: Unknown member.</summary>
    public static readonly DiagnosticDescriptor UnknownMember = new(
        "MR0103",
        "Unknown member",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A member that the value's kind does not have.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0103.md");

    /// <summary>MR0104: Unknown function.</summary>
    public static readonly DiagnosticDescriptor UnknownFunction = new(
        "MR0104",
        "Unknown function",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A call to a function that does not exist.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0104.md");

    /// <summary>MR0105: Recursive definition.</summary>
    public static readonly DiagnosticDescriptor Recursion = new(
        "MR0105",
        "Recursive definition",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A definition or function that depends on itself.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0105.md");

    /// <summary>MR0106: Unknown column.</summary>
    public static readonly DiagnosticDescriptor UnknownColumn = new(
        "MR0106",
        "Unknown column",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A table column that does not exist.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0106.md");

    /// <summary>MR0107: Missing declaration.</summary>
    public static readonly DiagnosticDescriptor MissingDeclaration = new(
        "MR0107",
        "Missing declaration",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A declaration every policy needs is missing.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0107.md");

    /// <summary>MR0108: Unknown collection.</summary>
    public static readonly DiagnosticDescriptor UnknownCollection = new(
        "MR0108",
        "Unknown collection",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An aggregate over something that is neither a collection nor a table.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0108.md");

    /// <summary>MR0109: Unknown rounding mode.</summary>
    public static readonly DiagnosticDescriptor UnknownRoundingMode = new(
        "MR0109",
        "Unknown rounding mode",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An unknown rounding mode.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0109.md");

    /// <summary>MR0110: Not a value.</summary>
    public static readonly DiagnosticDescriptor NotAValue = new(
        "MR0110",
        "Not a value",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A name used as a value that is not one (a table, a function, a collection).",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0110.md");

    /// <summary>MR0111: Unknown parameter.</summary>
    public static readonly DiagnosticDescriptor UnknownParameterOverride = new(
        "MR0111",
        "Unknown parameter",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A parameter override names no parameter.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0111.md");

    /// <summary>MR0112: Variable hides a name.</summary>
    public static readonly DiagnosticDescriptor ShadowedVariable = new(
        "MR0112",
        "Variable hides a name",
        "{0}",
        "MarginRules.Names",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A variable name that hides another name in scope.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0112.md");

    /// <summary>MR0201: Type mismatch.</summary>
    public static readonly DiagnosticDescriptor TypeMismatch = new(
        "MR0201",
        "Type mismatch",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A value of the wrong type or unit.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0201.md");

    /// <summary>MR0202: Cannot compare.</summary>
    public static readonly DiagnosticDescriptor CannotCompare = new(
        "MR0202",
        "Cannot compare",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A comparison between different units.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0202.md");

    /// <summary>MR0203: Cannot add.</summary>
    public static readonly DiagnosticDescriptor CannotAdd = new(
        "MR0203",
        "Cannot add",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An addition of different units.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0203.md");

    /// <summary>MR0204: Cannot subtract.</summary>
    public static readonly DiagnosticDescriptor CannotSubtract = new(
        "MR0204",
        "Cannot subtract",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A subtraction of different units.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0204.md");

    /// <summary>MR0205: Condition is not bool.</summary>
    public static readonly DiagnosticDescriptor ConditionNotBool = new(
        "MR0205",
        "Condition is not bool",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A condition that is not a bool.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0205.md");

    /// <summary>MR0206: Wrong argument count.</summary>
    public static readonly DiagnosticDescriptor ArgumentCount = new(
        "MR0206",
        "Wrong argument count",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A call with the wrong number of arguments.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0206.md");

    /// <summary>MR0207: Unknown unit suffix.</summary>
    public static readonly DiagnosticDescriptor UnknownUnitSuffix = new(
        "MR0207",
        "Unknown unit suffix",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A literal suffix that is not the policy's currency.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0207.md");

    /// <summary>MR0208: Not a constant.</summary>
    public static readonly DiagnosticDescriptor NotConstant = new(
        "MR0208",
        "Not a constant",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A parameter default or other value that must be a constant.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0208.md");

    /// <summary>MR0209: Branches differ.</summary>
    public static readonly DiagnosticDescriptor BranchMismatch = new(
        "MR0209",
        "Branches differ",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The two branches of an if have different types.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0209.md");

    /// <summary>MR0210: Invalid operand.</summary>
    public static readonly DiagnosticDescriptor InvalidOperand = new(
        "MR0210",
        "Invalid operand",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An operator applied to a type it does not accept.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0210.md");

    /// <summary>MR0211: Invalid rounding digits.</summary>
    public static readonly DiagnosticDescriptor InvalidRoundingDigits = new(
        "MR0211",
        "Invalid rounding digits",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Rounding digits that are not a whole constant from 0 to 28.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0211.md");

    /// <summary>MR0212: Invalid deadline.</summary>
    public static readonly DiagnosticDescriptor InvalidDeadline = new(
        "MR0212",
        "Invalid deadline",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A deadline that is not a whole, non-negative number of rounds.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0212.md");

    /// <summary>MR0213: Invalid parameter override.</summary>
    public static readonly DiagnosticDescriptor InvalidParameterOverride = new(
        "MR0213",
        "Invalid parameter override",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A parameter override of the wrong type or unit.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0213.md");

    /// <summary>MR0214: Count is not whole.</summary>
    public static readonly DiagnosticDescriptor CountNotWhole = new(
        "MR0214",
        "Count is not whole",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A count that is not a whole number.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0214.md");

    /// <summary>MR0215: Invalid size whole.</summary>
    public static readonly DiagnosticDescriptor InvalidWholeSize = new(
        "MR0215",
        "Invalid size whole",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "`size whole` in a rule that takes positions or debts, or with a chunk.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0215.md");

    /// <summary>MR0216: Invalid penalty after debt.</summary>
    public static readonly DiagnosticDescriptor InvalidJuniorPenalty = new(
        "MR0216",
        "Invalid penalty after debt",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A penalty `after debt` in a rule that takes positions or debts, or with `size whole`.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0216.md");

    /// <summary>MR0217: Invalid item argument.</summary>
    public static readonly DiagnosticDescriptor InvalidItemArgument = new(
        "MR0217",
        "Invalid item argument",
        "{0}",
        "MarginRules.Units",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An item parameter given something other than an item variable of its kind.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0217.md");

    /// <summary>MR0301: Gap between brackets.</summary>
    public static readonly DiagnosticDescriptor BracketGap = new(
        "MR0301",
        "Gap between brackets",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A gap between two brackets.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0301.md");

    /// <summary>MR0302: Overlapping brackets.</summary>
    public static readonly DiagnosticDescriptor BracketOverlap = new(
        "MR0302",
        "Overlapping brackets",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Two brackets that overlap.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0302.md");

    /// <summary>MR0303: Brackets out of order.</summary>
    public static readonly DiagnosticDescriptor BracketOrder = new(
        "MR0303",
        "Brackets out of order",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A bracket whose bounds are not in ascending order.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0303.md");

    /// <summary>MR0304: Values not covered.</summary>
    public static readonly DiagnosticDescriptor BracketCoverage = new(
        "MR0304",
        "Values not covered",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Values at either end that no bracket covers.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0304.md");

    /// <summary>MR0305: Duplicate row.</summary>
    public static readonly DiagnosticDescriptor DuplicateRow = new(
        "MR0305",
        "Duplicate row",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Two rows with the same key.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0305.md");

    /// <summary>MR0306: Wrong number of cells.</summary>
    public static readonly DiagnosticDescriptor CellCount = new(
        "MR0306",
        "Wrong number of cells",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A row with the wrong number of cells.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0306.md");

    /// <summary>MR0307: Cell does not fit column.</summary>
    public static readonly DiagnosticDescriptor CellType = new(
        "MR0307",
        "Cell does not fit column",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A cell that does not fit its column.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0307.md");

    /// <summary>MR0308: Wrong lookup key.</summary>
    public static readonly DiagnosticDescriptor LookupKey = new(
        "MR0308",
        "Wrong lookup key",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A lookup key of the wrong kind or unit.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0308.md");

    /// <summary>MR0309: Wrong row key.</summary>
    public static readonly DiagnosticDescriptor RowKeyForm = new(
        "MR0309",
        "Wrong row key",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A row key of the wrong form for the table.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0309.md");

    /// <summary>MR0310: Empty table.</summary>
    public static readonly DiagnosticDescriptor EmptyTable = new(
        "MR0310",
        "Empty table",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A table with no rows.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0310.md");

    /// <summary>MR0311: Missing column.</summary>
    public static readonly DiagnosticDescriptor MissingColumn = new(
        "MR0311",
        "Missing column",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A table used without choosing a column.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0311.md");

    /// <summary>MR0312: Table cannot be iterated.</summary>
    public static readonly DiagnosticDescriptor TableNotIterable = new(
        "MR0312",
        "Table cannot be iterated",
        "{0}",
        "MarginRules.Tables",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An aggregate over a tag or bracket table, whose rows have no text key to iterate.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0312.md");

    /// <summary>MR0401: Unused parameter.</summary>
    public static readonly DiagnosticDescriptor UnusedParameter = new(
        "MR0401",
        "Unused parameter",
        "{0}",
        "MarginRules.Lints",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A parameter nothing uses.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0401.md");

    /// <summary>MR0402: Unused definition.</summary>
    public static readonly DiagnosticDescriptor UnusedDefinition = new(
        "MR0402",
        "Unused definition",
        "{0}",
        "MarginRules.Lints",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A definition, function or table nothing uses.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0402.md");

    /// <summary>MR0403: Trigger never true.</summary>
    public static readonly DiagnosticDescriptor TriggerNeverTrue = new(
        "MR0403",
        "Trigger never true",
        "{0}",
        "MarginRules.Lints",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A trigger that can never be true.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0403.md");

    /// <summary>MR0404: Rule shadowed.</summary>
    public static readonly DiagnosticDescriptor TriggerShadowed = new(
        "MR0404",
        "Rule shadowed",
        "{0}",
        "MarginRules.Lints",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A liquidation rule an earlier rule always takes first.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0404.md");

    /// <summary>MR0405: Maintenance above initial.</summary>
    public static readonly DiagnosticDescriptor MaintenanceAboveInitial = new(
        "MR0405",
        "Maintenance above initial",
        "{0}",
        "MarginRules.Lints",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Maintenance above initial.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0405.md");

    /// <summary>MR0406: Threshold below LTV.</summary>
    public static readonly DiagnosticDescriptor ThresholdBelowLtv = new(
        "MR0406",
        "Threshold below LTV",
        "{0}",
        "MarginRules.Lints",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A liquidation threshold below the loan-to-value.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0406.md");

    /// <summary>MR0407: Haircut out of range.</summary>
    public static readonly DiagnosticDescriptor HaircutRange = new(
        "MR0407",
        "Haircut out of range",
        "{0}",
        "MarginRules.Lints",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A haircut outside [0%, 100%].",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0407.md");

    /// <summary>MR0408: Unguarded division.</summary>
    public static readonly DiagnosticDescriptor UnguardedDivision = new(
        "MR0408",
        "Unguarded division",
        "{0}",
        "MarginRules.Lints",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A division by something that may be zero, without a guard.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0408.md");

    /// <summary>MR0409: Write ratios as percentages.</summary>
    public static readonly DiagnosticDescriptor FractionAsPercent = new(
        "MR0409",
        "Write ratios as percentages",
        "{0}",
        "MarginRules.Lints",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A bare fraction where a ratio is meant.",
        helpLinkUri: AnalyzerRules.HelpLinkBase + "MR0409.md");

    /// <summary>Every rule, in code order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        SyntaxError,
        UnterminatedString,
        InvalidCharacter,
        NumberOutOfRange,
        NestingTooDeep,
        TextTooLarge,
        MissingHeader,
        InvalidEscape,
        UnknownName,
        DuplicateDeclaration,
        UnknownMember,
        UnknownFunction,
        Recursion,
        UnknownColumn,
        MissingDeclaration,
        UnknownCollection,
        UnknownRoundingMode,
        NotAValue,
        UnknownParameterOverride,
        ShadowedVariable,
        TypeMismatch,
        CannotCompare,
        CannotAdd,
        CannotSubtract,
        ConditionNotBool,
        ArgumentCount,
        UnknownUnitSuffix,
        NotConstant,
        BranchMismatch,
        InvalidOperand,
        InvalidRoundingDigits,
        InvalidDeadline,
        InvalidParameterOverride,
        CountNotWhole,
        InvalidWholeSize,
        InvalidJuniorPenalty,
        InvalidItemArgument,
        BracketGap,
        BracketOverlap,
        BracketOrder,
        BracketCoverage,
        DuplicateRow,
        CellCount,
        CellType,
        LookupKey,
        RowKeyForm,
        EmptyTable,
        MissingColumn,
        TableNotIterable,
        UnusedParameter,
        UnusedDefinition,
        TriggerNeverTrue,
        TriggerShadowed,
        MaintenanceAboveInitial,
        ThresholdBelowLtv,
        HaircutRange,
        UnguardedDivision,
        FractionAsPercent);
}
