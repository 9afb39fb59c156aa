using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Cli.PolicyTests;

namespace MarginRules.Cli.Commands;

/// <summary><c>marginrules test</c>: runs the policy tests of <c>*.tests.json</c> files and prints PASS or FAIL per test.</summary>
internal sealed class TestCommand : ICommand
{
    public string Name => "test";

    public string Summary => "Run policy tests (*.tests.json) and print PASS/FAIL with diffs";

    public string Help => """
        Usage: marginrules test <files or folders…> [--json] [--filter text]

        Runs every test of the given *.tests.json files (folders are searched for them).
        Prints each test's name with PASS or FAIL; under a failure, the expected and actual
        values and, for equity, requirements and exports, where the policy declares them.
        The last line is `N passed, N failed`. The format is described in docs/policy-tests.md.

        Options:
          --json          print the results as JSON on stdout instead
          --filter text   run only the tests whose name contains the text (ignoring case)

        Exit codes: 0 all passed, 1 a test failed, 2 a usage or input error (a malformed
        test file is reported as file:line:col).

        Example:
          marginrules test examples/policies --filter "close factor"
        """;

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, ["--filter"], ["--json"]);
        var filter = a.Value("--filter");
        var files = PolicyFiles.Expand(a.Positional, "*.tests.json").Select(PolicyTestLoader.Load).ToList();

        var selected = files
            .Select(f => f with { Tests = f.Tests.Where(t => filter is null || t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList() })
            .Where(f => f.Tests.Count > 0)
            .ToList();
        if (selected.Count == 0) throw new UsageException($"error: no test name contains \"{filter}\"");

        var runs = selected
            .Select(f => (File: f, Results: (IReadOnlyList<PolicyTestResult>)f.Tests.Select(PolicyTestRunner.Run).ToList()))
            .ToList();
        if (a.Has("--json")) PolicyTestReport.WriteJson(console.Out, runs);
        else PolicyTestReport.WriteText(console, runs);
        return runs.All(r => r.Results.All(t => t.Passed)) ? ExitCodes.Success : ExitCodes.Failure;
    }
}
