using BenchmarkDotNet.Running;
using MarginRules.Benchmarks;

// `quick` is a single-threaded Stopwatch run for a fast look; anything else goes to BenchmarkDotNet's switcher.
if (args.Length > 0 && args[0] == "quick")
    return QuickRun.Run(args.AsSpan(1));
if (args.Length > 0 && args[0] == "parse")
    return MarginRules.Benchmarks.Parsing.FrontEndRun.Run();
if (args.Length > 0 && args[0] == "compile")
    return MarginRules.Benchmarks.Parsing.CompileRun.Run();
if (args.Length > 0 && args[0] == "analyzer-host")
    return MarginRules.Benchmarks.Parsing.AnalyzerHostProject.Run(args.AsSpan(1));
if (args.Length > 0 && args[0] == "cascade")
    return MarginRules.Benchmarks.Cascade.CascadeRun.Run(args.AsSpan(1));
if (args.Length > 0 && args[0] == "planner")
    return PlannerRun.Run(args.AsSpan(1));

BenchmarkSwitcher.FromAssembly(typeof(TieredMarginBenchmarks).Assembly).Run(args);
return 0;
