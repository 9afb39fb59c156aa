using System;

namespace MarginRules.Cascade;

/// <summary>A cascade run stopped: bad setup, an account the policy cannot evaluate, or a breach of the accounting invariant.</summary>
public sealed class CascadeException : Exception
{
    /// <summary>Creates the exception with a message and an optional cause.</summary>
    public CascadeException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
