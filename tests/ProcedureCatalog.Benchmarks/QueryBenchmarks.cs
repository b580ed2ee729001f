using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ProcedureCatalog.Benchmarks;

/// <summary>
/// The query layer alone: each scenario's statements through Dapper on one SQLite file, no HTTP. Runs in
/// process (the database is a file path handed over in an environment variable), with a short fixed number
/// of iterations so that a report taking seconds at 610,000 procedures still finishes in minutes.
/// </summary>
public class QueryBenchmarks
{
    private const string DatabaseVariable = "CATALOG_BENCHMARK_DATABASE";
    private CatalogScenarios scenarios = null!;

    [GlobalSetup]
    public void Setup() => scenarios = new CatalogScenarios(Environment.GetEnvironmentVariable(DatabaseVariable)
        ?? throw new InvalidOperationException($"{DatabaseVariable} is not set."));

    [Benchmark(Description = "procedure-by-code")]
    public Task<object> ProcedureByCode() => scenarios.ProcedureByCode();

    [Benchmark(Description = "search-list")]
    public Task<object> SearchList() => scenarios.SearchList();

    [Benchmark(Description = "reductions-by-agency")]
    public Task<object> ReductionsByAgency() => scenarios.ReductionsByAgency();

    [Benchmark(Description = "scoreboard")]
    public Task<object> Scoreboard() => scenarios.Scoreboard();

    [Benchmark(Description = "laggards-csv")]
    public Task<object> LaggardsExport() => scenarios.LaggardsExport();

    [Benchmark(Description = "export-csv")]
    public Task<object> ExportCsv() => scenarios.ExportCsv();

    /// <summary>Runs every benchmark on one database and writes scenario, median and p95 in milliseconds.</summary>
    public static int Run(string databasePath, string outFile)
    {
        Environment.SetEnvironmentVariable(DatabaseVariable, Path.GetFullPath(databasePath));
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(2)
            .WithIterationCount(8);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outFile))!, "BenchmarkDotNet.Artifacts"));
        var summary = BenchmarkRunner.Run<QueryBenchmarks>(config);

        using var writer = new StreamWriter(outFile);
        writer.WriteLine("scenario\tsql_median_ms\tsql_p95_ms");
        foreach (var report in summary.Reports.Where(report => report.ResultStatistics is not null))
        {
            var statistics = report.ResultStatistics!;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'')}\t{statistics.Median / 1e6:F3}\t{statistics.Percentiles.P95 / 1e6:F3}"));
        }

        return summary.HasCriticalValidationErrors ? 1 : 0;
    }
}
