using System;
using System.Text;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Binding
{
    /// <summary>
    /// A checked type. Numbers carry a unit as exponents of money and quantity: price is money¹·quantity⁻¹,
    /// ratio and count are dimensionless, so quantity × price is money and money / money is a ratio.
    /// </summary>
    public readonly struct PolicyType : IEquatable<PolicyType>
    {
        private PolicyType(TypeKind kind, int money, int quantity, bool isCount, bool isAnyUnit)
        {
            Kind = kind;
            Money = money;
            Quantity = quantity;
            IsCount = isCount;
            IsAnyUnit = isAnyUnit;
        }

        /// <summary>The kind of value.</summary>
        public TypeKind Kind { get; }

        /// <summary>The exponent of money in a number's unit.</summary>
        public int Money { get; }

        /// <summary>The exponent of quantity in a number's unit.</summary>
        public int Quantity { get; }

        /// <summary>True for a dimensionless whole count.</summary>
        public bool IsCount { get; }

        /// <summary>True for the literal 0, which takes whatever unit it meets.</summary>
        public bool IsAnyUnit { get; }

        /// <summary>Money in the quote currency.</summary>
        public static PolicyType MoneyType => new PolicyType(TypeKind.Number, 1, 0, false, false);

        /// <summary>A quantity.</summary>
        public static PolicyType QuantityType => new PolicyType(TypeKind.Number, 0, 1, false, false);

        /// <summary>Money per quantity.</summary>
        public static PolicyType PriceType => new PolicyType(TypeKind.Number, 1, -1, false, false);

        /// <summary>A dimensionless ratio.</summary>
        public static PolicyType RatioType => new PolicyType(TypeKind.Number, 0, 0, false, false);

        /// <summary>A dimensionless whole number.</summary>
        public static PolicyType CountType => new PolicyType(TypeKind.Number, 0, 0, true, false);

        /// <summary>The unit-polymorphic zero literal.</summary>
        public static PolicyType AnyUnitType => new PolicyType(TypeKind.Number, 0, 0, false, true);

        /// <summary>Bool.</summary>
        public static PolicyType BoolType => new PolicyType(TypeKind.Bool, 0, 0, false, false);

        /// <summary>Text.</summary>
        public static PolicyType TextType => new PolicyType(TypeKind.Text, 0, 0, false, false);

        /// <summary>The account's tags.</summary>
        public static PolicyType TagsType => new PolicyType(TypeKind.Tags, 0, 0, false, false);

        /// <summary>The type of an erroneous expression.</summary>
        public static PolicyType ErrorType => new PolicyType(TypeKind.Error, 0, 0, false, false);

        /// <summary>A number with the given unit exponents.</summary>
        public static PolicyType Number(int money, int quantity) => new PolicyType(TypeKind.Number, money, quantity, false, false);

        /// <summary>The type a declared type name stands for.</summary>
        public static PolicyType From(TypeName name) => name switch
        {
            TypeName.Money => MoneyType,
            TypeName.Quantity => QuantityType,
            TypeName.Price => PriceType,
            TypeName.Ratio => RatioType,
            TypeName.Count => CountType,
            TypeName.Bool => BoolType,
            TypeName.Text => TextType,

            // An item is not a value: a parameter of an item type is an item variable, not a typed value.
            _ => ErrorType,
        };

        /// <summary>True for numbers.</summary>
        public bool IsNumber => Kind == TypeKind.Number;

        /// <summary>True for the error type.</summary>
        public bool IsError => Kind == TypeKind.Error;

        /// <summary>True for a number without unit.</summary>
        public bool IsDimensionless => Kind == TypeKind.Number && Money == 0 && Quantity == 0;

        /// <summary>True when two numbers have the same unit (or either is the polymorphic zero), or two non-numbers the same kind.</summary>
        public bool SameUnitAs(PolicyType other)
        {
            if (Kind != other.Kind) return false;
            if (Kind != TypeKind.Number) return true;
            return IsAnyUnit || other.IsAnyUnit || (Money == other.Money && Quantity == other.Quantity);
        }

        /// <summary>The type of a value of this type where <paramref name="other"/> is expected, resolving the polymorphic zero.</summary>
        public PolicyType Unify(PolicyType other)
        {
            if (IsAnyUnit) return other;
            if (other.IsAnyUnit) return this;
            if (IsNumber && IsCount != other.IsCount) return Number(Money, Quantity);
            return this;
        }

        /// <inheritdoc />
        public bool Equals(PolicyType other) =>
            Kind == other.Kind && Money == other.Money && Quantity == other.Quantity && IsCount == other.IsCount && IsAnyUnit == other.IsAnyUnit;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is PolicyType t && Equals(t);

        /// <inheritdoc />
        public override int GetHashCode() => ((int)Kind * 31 + Money) * 31 + Quantity;

        /// <summary>The type as users write or read it: <c>money</c>, <c>price</c>, <c>money²</c>, <c>quantity/money</c>.</summary>
        public override string ToString()
        {
            switch (Kind)
            {
                case TypeKind.Bool: return "bool";
                case TypeKind.Text: return "text";
                case TypeKind.Tags: return "tags";
                case TypeKind.Error: return "error";
            }

            if (IsAnyUnit) return "number";
            if (Money == 0 && Quantity == 0) return IsCount ? "count" : "ratio";
            if (Money == 1 && Quantity == 0) return "money";
            if (Money == 0 && Quantity == 1) return "quantity";
            if (Money == 1 && Quantity == -1) return "price";
            var numerator = new StringBuilder();
            var denominator = new StringBuilder();
            Append(Money, "money", numerator, denominator);
            Append(Quantity, "quantity", numerator, denominator);
            if (numerator.Length == 0) numerator.Append('1');
            return denominator.Length == 0 ? numerator.ToString() : numerator + "/" + denominator;
        }

        private static void Append(int exponent, string name, StringBuilder numerator, StringBuilder denominator)
        {
            if (exponent == 0) return;
            var target = exponent > 0 ? numerator : denominator;
            if (target.Length > 0) target.Append('·');
            target.Append(name);
            var e = Math.Abs(exponent);
            if (e == 2) target.Append('²');
            else if (e == 3) target.Append('³');
            else if (e > 3) target.Append('^').Append(e);
        }
    }
}
