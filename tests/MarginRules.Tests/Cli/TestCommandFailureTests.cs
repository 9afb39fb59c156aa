using System.Text.Json;

namespace MarginRules.Tests.Cli;

/// <summary><c>marginrules test</c> on tests that fail: the diff, the policy span, the count and exit code 1.</summary>
public sealed class TestCommandFailureTests : IDisposable
{
    // PUBLISHED.md, "Broker stock margin": 100 shares at $100 on a $5,000 loan; maintenance is 25% × 10,000 = 2,500,
    // equity 5,000, and the account is healthy, so it has no margin call. The first two tests expect otherwise on purpose.
    private const string File = """
        {
          "policy": "regt.margin",
          "tests": [
            {
              "name": "maintenance off by 100",
              "account": { "id": "broker-1", "holdings": [ { "asset": "STOCK", "quantity": 100 } ], "debts": [ { "asset": "USD", "quantity": 5000 } ] },
              "market": { "STOCK": { "price": 100 }, "USD": { "price": 1 } },
              "expect": { "status": "healthy", "maintenance": 2600, "exports.equity_ratio": { "value": 0.4, "tolerance": 0.01 } }
            },
            {
              "name": "a call that is not there",
              "accounts": [
                { "id": "a1", "holdings": [ { "asset": "STOCK", "quantity": 100 } ], "debts": [ { "asset": "USD", "quantity": 5000 } ] },
                { "id": "a2", "holdings": [ { "asset": "STOCK", "quantity": 100 } ], "debts": [ { "asset": "USD", "quantity": 9000 } ] }
              ],
              "market": { "STOCK": { "price": 100 }, "USD": { "price": 1 } },
              "expect": { "a1": { "margin_call.amount": 500 }, "a2": { "status": "healthy" } }
            },
            {
              "name": "equity is 5,000",
              "account": { "id": "broker-1", "holdings": [ { "asset": "STOCK", "quantity": 100 } ], "debts": [ { "asset": "USD", "quantity": 5000 } ] },
              "market": { "STOCK": { "price": 100 }, "USD": { "price": 1 } },
              "expect": { "equity": 5000 }
            }
          ]
        }
        """;

    private readonly TestCommandFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_failing_test_prints_expected_actual_and_the_declaration_and_exits_1()
    {
        var path = _folder.Write("regt.tests.json", File);

        var run = TestCommandRun.Of("test", _folder.Path);

        run.Error.ShouldBe(string.Empty);
        run.Exit.ShouldBe(1);
        // maintenance = long_value * maintenance_rate is line 14 of the policy, export equity_ratio line 16, margin_call
        // line 19. a2 owes 9,000 against 10,000 of stock: equity 1,000 < 2,500, so it is called (2,500 − 1,000 = 1,500).
        run.Out.ShouldBe(
            $"""
            {path}
              FAIL maintenance off by 100
                  maintenance: expected 2600, actual 2500.00 (off by -100.00)
                    declared at {_folder.File("regt.margin")}:14:1
                  exports.equity_ratio: expected 0.4 ± 0.01, actual 0.5 (off by +0.1)
                    declared at {_folder.File("regt.margin")}:16:1
              FAIL a call that is not there
                  account a1: margin_call.amount: expected 500, actual none (no margin call)
                    declared at {_folder.File("regt.margin")}:19:1
                  account a2: status: expected "healthy", actual "margin_call"
              PASS equity is 5,000

            1 passed, 2 failed

            """);
    }

    [Fact]
    public void Json_reports_each_failure_with_its_values_and_declaration()
    {
        _folder.Write("regt.tests.json", File);

        var run = TestCommandRun.Of("test", _folder.Path, "--json");

        run.Exit.ShouldBe(1);
        using var doc = JsonDocument.Parse(run.Out);
        doc.RootElement.GetProperty("passed").GetInt32().ShouldBe(1);
        doc.RootElement.GetProperty("failed").GetInt32().ShouldBe(2);
        var tests = doc.RootElement.GetProperty("files")[0].GetProperty("tests");
        var maintenance = tests[0].GetProperty("failures")[0];
        maintenance.GetProperty("key").GetString().ShouldBe("maintenance");
        maintenance.GetProperty("expected").GetDecimal().ShouldBe(2600m);
        maintenance.GetProperty("actual").GetDecimal().ShouldBe(2500m);
        maintenance.GetProperty("tolerance").GetDecimal().ShouldBe(0m);
        maintenance.GetProperty("declared_at").GetString().ShouldBe(_folder.File("regt.margin") + ":14:1");
        var call = tests[1].GetProperty("failures")[0];
        call.GetProperty("account").GetString().ShouldBe("a1");
        call.GetProperty("actual").ValueKind.ShouldBe(JsonValueKind.Null);
        call.GetProperty("missing").GetString().ShouldBe("no margin call");
        var status = tests[1].GetProperty("failures")[1];
        status.GetProperty("expected").GetString().ShouldBe("healthy");
        status.GetProperty("actual").GetString().ShouldBe("margin_call");
        tests[2].GetProperty("passed").GetBoolean().ShouldBeTrue();
        tests[2].GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void An_evaluation_error_fails_the_test_with_the_policy_position_and_the_run_goes_on()
    {
        // A policy that divides by a parameter: the test that sets it to zero fails with the evaluator's error,
        // and the next test still runs.
        System.IO.File.WriteAllText(_folder.File("divide.margin"), """
            policy "Divides by a parameter" version "1" currency USD

            param divisor "Set to zero by the test": ratio = 2

            equity = account.wallet / divisor
            maintenance = 0 USD
            """);
        var path = _folder.Write("divide.tests.json", """
            {
              "policy": "divide.margin",
              "tests": [
                { "name": "divides by zero", "parameters": { "divisor": 0 }, "account": { "id": "a", "wallet": 10 }, "market": { }, "expect": { "equity": 5 } },
                { "name": "divides by two", "account": { "id": "a", "wallet": 10 }, "market": { }, "expect": { "equity": 5 } }
              ]
            }
            """);

        var run = TestCommandRun.Of("test", path);

        run.Exit.ShouldBe(1);
        // 10 / 2 = 5 passes; 10 / 0 fails with the evaluator's error at the divisor of `account.wallet / divisor`
        // (line 5, column 27).
        run.Lines[1].ShouldBe("  FAIL divides by zero");
        run.Lines[2].ShouldBe($"      error: {_folder.File("divide.margin")}:5:27: error: division by zero (account `a`)");
        run.Lines[3].ShouldBe("  PASS divides by two");
        run.Lines[^1].ShouldBe("1 passed, 1 failed");
    }
}
