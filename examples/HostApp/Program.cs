using System.Reflection;
using HostApp;
using MarginRules;
using MarginRules.Accounts;

// 1. A literal passed to MarginPolicy.Compile: the analyzer checks it while this file compiles.
var regT = MarginPolicy.Compile("""
    policy "Reg T + FINRA 4210 long stock margin" version "2024-01" currency USD

    param initial_rate "Reg T initial margin on purchases": ratio = 50%
    param maintenance_rate "FINRA 4210 maintenance on long market value": ratio = 25%

    let long_value = sum(h in holdings: h.value)
    let loan = sum(d in debts: d.value)

    equity = account.wallet + long_value - loan
    initial = long_value * initial_rate
    maintenance = long_value * maintenance_rate

    margin_call "FINRA 4210 maintenance call" {
      when equity < maintenance
      amount maintenance - equity
      deadline 3
    }
    """, "regt.margin");

// 2. A .margin file: an AdditionalFiles item, so the analyzer checks it at build time too.
var housePath = Path.Combine(AppContext.BaseDirectory, "policies", "house.margin");
var house = MarginPolicy.Compile(File.ReadAllText(housePath), housePath);

// 3. An attribute argument: the analyzer checks the constructor argument where the attribute is applied.
var deskText = typeof(LeverageDesk).GetCustomAttribute<DeskPolicyAttribute>()!.Text;
var desk = MarginPolicy.Compile(deskText, "leverage-desk.margin");

// 100 shares at $60 bought with a $4,500 loan: long value $6,000, equity $1,500.
var market = new Market(new Dictionary<string, AssetQuote> { ["STOCK"] = new(60m), ["USD"] = new(1m) });
var account = new Account("broker-1", 0m) with
{
    Holdings = [new Holding("STOCK", 100m)],
    Debts = [new Debt("USD", 4_500m)],
};

foreach (var policy in new[] { regT, house, desk })
{
    var assessment = policy.Evaluate(account, market);
    var call = assessment.MarginCall is { } c ? $", margin call {c.Amount:0.00}" : "";
    Console.WriteLine($"{policy.Name}: {assessment.Status}, equity {assessment.Equity:0.00}, maintenance {assessment.Maintenance:0.00}{call}");
}
