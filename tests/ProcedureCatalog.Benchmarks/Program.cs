using System.Diagnostics;
using ProcedureCatalog.Benchmarks;

// Commands (run-benchmarks.sh drives them all):
//   plans    --database FILE                     EXPLAIN QUERY PLAN of every statement of the five scenarios
//   time     --database FILE [--seconds N] [--only a,b]  a quick sequential timing of each scenario (for trying an index)
//   query    --database FILE --file F.sql [--runs N] [--show]  one SQL file: rows, digest, median and best time
//   sql      --database FILE --out FILE.tsv      BenchmarkDotNet on the query layer; writes median and p95 per scenario
//   paths    --database FILE --dir DIR           writes DIR/<scenario>.paths, the request paths the HTTP runs send
//   ceiling  --body FILE --urls URL              serves FILE as JSON from memory: the framework's ceiling
//   overhead --database FILE [--rounds N]        where one procedure by code spends its time, piece by piece (stopwatch)
var command = args.FirstOrDefault();
string Option(string name, string? fallback = null)
{
    var index = Array.IndexOf(args, "--" + name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1]
        : fallback ?? throw new ArgumentException($"--{name} is required for '{command}'.");
}

switch (command)
{
    case "plans":
        Console.Write(await QueryPlans.Explain(Option("database")));
        return 0;
    case "time":
        var scenarios = new CatalogScenarios(Option("database"));
        var seconds = double.Parse(Option("seconds", "3"), System.Globalization.CultureInfo.InvariantCulture);
        var only = Option("only", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (name, run) in scenarios.All.Where(scenario => only.Length == 0 || only.Contains(scenario.Name)))
        {
            await run(CancellationToken.None);
            var times = new List<double>();
            var total = Stopwatch.StartNew();
            while (total.Elapsed.TotalSeconds < seconds || times.Count < 3)
            {
                var one = Stopwatch.StartNew();
                await run(CancellationToken.None);
                times.Add(one.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"{name,-22} n={times.Count,6}  p50={times[times.Count / 2],9:F3} ms  p99={times[(int)(times.Count * 0.99)],9:F3} ms");
        }

        return 0;
    case "query":
        // One SQL file through Microsoft.Data.Sqlite (the SQLite the service runs, not the system CLI's):
        // rows, a digest of them, and the median and best of N runs; for trying a rewrite against the original.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Option("database")}"))
        {
            await connection.OpenAsync();
            var text = await File.ReadAllTextAsync(Option("file"));
            var runs = int.Parse(Option("runs", "7"), System.Globalization.CultureInfo.InvariantCulture);
            var laps = new List<double>();
            var cpu = new List<double>();
            string digest = "", last = "";
            var count = 0;
            for (var run = 0; run < runs; run++)
            {
                var lap = Stopwatch.StartNew();
                var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                await using var statement = connection.CreateCommand();
                statement.CommandText = text;
                await using var reader = await statement.ExecuteReaderAsync();
                var all = new System.Text.StringBuilder();
                count = 0;
                while (await reader.ReadAsync())
                {
                    count++;
                    for (var column = 0; column < reader.FieldCount; column++)
                    {
                        all.Append(reader.IsDBNull(column) ? "null" : Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                    }

                    all.Append('\n');
                }

                laps.Add(lap.Elapsed.TotalMilliseconds);
                cpu.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                last = all.ToString();
                digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(all.ToString())))[..12];
            }

            laps.Sort();
            cpu.Sort();
            if (args.Contains("--show"))
            {
                Console.Write(last);
            }

            Console.WriteLine($"{Path.GetFileName(Option("file")),-24} rows={count,6}  median={laps[laps.Count / 2],9:F1} ms  best={laps[0],9:F1} ms  cpu median={cpu[cpu.Count / 2],7:F1} ms  digest={digest}");
        }

        return 0;
    case "sql":
        return QueryBenchmarks.Run(Option("database"), Option("out"));
    case "paths":
        await CatalogScenarios.WritePaths(Option("database"), Option("dir"));
        return 0;
    case "overhead":
        await Overhead.Run(Option("database"), int.Parse(Option("rounds", "2000"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "ceiling":
        await CeilingHost.Run(Option("body"), Option("urls"));
        return 0;
    default:
        Console.Error.WriteLine("usage: plans|time|sql|ceiling (see tests/ProcedureCatalog.Benchmarks/README.md)");
        return 2;
}
