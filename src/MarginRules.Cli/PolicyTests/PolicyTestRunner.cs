using System;
using System.Collections.Generic;
using MarginRules.Cascade;
using MarginRules.Evaluation;

namespace MarginRules.Cli.PolicyTests;

/// <summary>Runs a loaded test and compares every expectation with what the policy or the cascade produced.</summary>
internal static class PolicyTestRunner
{
    /// <summary>Runs one test. Evaluation and cascade errors fail the test with their message; they do not stop the run.</summary>
    public static PolicyTestResult Run(PolicyTestCase test)
    {
        var failures = new List<ExpectationFailure>();
        if (test.Cascade is { } cascade)
        {
            CascadeResult result;
            try
            {
                // One thread: test cascades are small, and the engine's results do not depend on the thread count.
                result = CascadeEngine.Run(cascade.Setup, new CascadeOptions { MaxRounds = cascade.MaxRounds, MaxDegreeOfParallelism = 1, Volatility = cascade.Volatility });
            }
            catch (CascadeException e)
            {
                return new PolicyTestResult(test.Name, failures, e.Message);
            }

            Check(null, cascade.Expectations, new ExpectationSubject(test.Policy, null, result, cascade.StartPrices), failures);
            return new PolicyTestResult(test.Name, failures, null);
        }

        foreach (var check in test.Accounts)
        {
            try
            {
                var assessment = test.Policy.Evaluate(check.Account, test.Market!);
                Check(test.SeveralAccounts ? check.Account.Id : null, check.Expectations, new ExpectationSubject(test.Policy, assessment, null, null), failures);
            }
            catch (PolicyEvaluationException e)
            {
                return new PolicyTestResult(test.Name, failures, e.Message);
            }
        }

        return new PolicyTestResult(test.Name, failures, null);
    }

    /// <summary>True when the actual value is the expected one: within the tolerance for numbers, equal otherwise.</summary>
    public static bool Matches(object expected, decimal tolerance, ActualValue actual)
    {
        if (actual.Value is null) return false;
        if (expected is decimal e && actual.Value is decimal a)
        {
            try
            {
                return Math.Abs(a - e) <= tolerance;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return expected.Equals(actual.Value);
    }

    private static void Check(string? account, IReadOnlyList<Expectation> expectations, ExpectationSubject subject, List<ExpectationFailure> failures)
    {
        foreach (var expectation in expectations)
        {
            var actual = expectation.Target.Read(subject);
            if (!Matches(expectation.Expected, expectation.Tolerance, actual))
                failures.Add(new ExpectationFailure(account, expectation.Key, expectation.Expected, expectation.Tolerance, actual, expectation.Target.Declaration(subject)));
        }
    }
}
