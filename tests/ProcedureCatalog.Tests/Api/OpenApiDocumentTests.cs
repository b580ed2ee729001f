using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>
/// The served OpenAPI document, walked operation by operation: what Swagger UI fills in and shows, and what
/// generated clients type, must be true of each operation itself.
/// </summary>
public sealed class OpenApiDocumentTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private sealed record Operation(string Name, string Path, JsonObject Body)
    {
        public IReadOnlyList<JsonObject> Parameters => Body["parameters"]?.AsArray().Select(parameter => parameter!.AsObject()).ToList() ?? [];

        public JsonObject? ProblemExample(string status) => Body["responses"]?[status]?["content"]?["application/problem+json"]?["example"]?.AsObject();
    }

    private async Task<(JsonObject Document, IReadOnlyList<Operation> Operations)> Served()
    {
        var document = JsonNode.Parse(await (await client.Get("/openapi/v1.json")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => new Operation($"{operation.Key.ToUpperInvariant()} {path.Key}", path.Key, operation.Value!.AsObject())))
            .ToList();
        Assert.True(operations.Count >= 40, $"only {operations.Count} operations");
        return (document, operations);
    }

    /// <summary>A word of a title or a path, compared without case, hyphens or a plural ending (agencies ~ agency).</summary>
    private static string Stem(string word)
    {
        var lower = word.ToLowerInvariant();
        return lower.EndsWith("ies", StringComparison.Ordinal) ? lower[..^3] + "y" : lower.TrimEnd('s');
    }

    private static HashSet<string> Words(string text) =>
        text.Split([' ', '/', '-', '{', '}', '.', '\''], StringSplitOptions.RemoveEmptyEntries).Select(Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>The names of a path's segments and parameters, split at capitals too (procedureId → procedure, id).</summary>
    private static HashSet<string> WordsOf(Operation operation)
    {
        var names = operation.Parameters.Select(parameter => (string)parameter["name"]!).Append(operation.Path);
        var split = names.Select(name => System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " "));
        return Words(string.Join(' ', split));
    }

    [Fact]
    public async Task EveryParameterHasAnExampleThatFitsItsSchema()
    {
        var (_, operations) = await Served();
        var parameters = operations.SelectMany(operation => operation.Parameters.Select(parameter => (operation.Name, Parameter: parameter))).ToList();
        Assert.True(parameters.Count >= 130, $"only {parameters.Count} parameters");
        foreach (var (name, parameter) in parameters)
        {
            var where = $"{name}: {parameter["in"]} parameter {parameter["name"]}";
            var example = parameter["example"];
            Assert.True(example is not null, $"{where} has no example");
            var schema = parameter["schema"]!;
            var type = (string?)schema["type"];
            Assert.True(type switch
            {
                "integer" => example.GetValueKind() == JsonValueKind.Number,
                "boolean" => example.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
                _ => example.GetValueKind() == JsonValueKind.String,
            }, $"{where}: example {example.ToJsonString()} is not a {type}");
            if (schema["enum"] is JsonArray allowed)
            {
                Assert.True(allowed.Any(value => JsonNode.DeepEquals(value, example)), $"{where}: example {example.ToJsonString()} is not one of {allowed.ToJsonString()}");
            }

            if ((string?)schema["format"] == "date")
            {
                Assert.True(DateOnly.TryParseExact((string)example!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"{where}: example is not a date");
            }
        }
    }

    [Fact]
    public async Task Every404ExampleNamesTheOperationsOwnResourceAndKey()
    {
        var (_, operations) = await Served();
        var withNotFound = operations.Where(operation => operation.Body["responses"]?["404"] is not null).ToList();
        Assert.True(withNotFound.Count >= 33, $"only {withNotFound.Count} operations answer 404");
        foreach (var operation in withNotFound)
        {
            var example = operation.ProblemExample("404");
            Assert.True(example is not null, $"{operation.Name} has no 404 example");
            var title = (string)example["title"]!;
            var resource = title.EndsWith(" not found", StringComparison.Ordinal) ? title[..^" not found".Length] : title;
            Assert.True(Words(resource).Overlaps(WordsOf(operation)), $"{operation.Name}: its 404 example names '{resource}', which is none of its path or parameters");

            // The key is made of the examples of the operation's own parameters.
            var examples = operation.Parameters.Where(parameter => parameter["in"]!.GetValue<string>() is "path" or "query")
                .Select(parameter => parameter["example"]?.ToString()).OfType<string>().ToList();
            var detail = (string)example["detail"]!;
            Assert.True(examples.Any(value => detail.Contains(value, StringComparison.Ordinal)), $"{operation.Name}: its 404 example '{detail}' names none of its parameters' examples");
        }

        Assert.True(withNotFound.Select(operation => operation.ProblemExample("404")!["title"]!.ToString()).Distinct().Count() >= 8, "the 404 examples are too much alike");
    }

    [Fact]
    public async Task Every400ExampleNamesAParameterOrBodyFieldTheOperationHas()
    {
        var (document, operations) = await Served();
        foreach (var operation in operations.Where(operation => operation.Body["responses"]?["400"] is not null))
        {
            var example = operation.ProblemExample("400");
            Assert.True(example is not null, $"{operation.Name} has no 400 example");
            var named = example["errors"]?.AsObject().Select(error => error.Key).ToList() ?? [];
            var fields = operation.Parameters.Where(parameter => (string)parameter["in"]! != "header").Select(parameter => (string)parameter["name"]!).ToHashSet(StringComparer.Ordinal);
            if (operation.Body["requestBody"]?["content"] is JsonObject content)
            {
                fields.Add("body");
                foreach (var media in content)
                {
                    var schema = media.Value?["schema"];
                    if (schema?["$ref"] is { } reference)
                    {
                        schema = document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]];
                    }

                    foreach (var property in schema?["properties"]?.AsObject() ?? [])
                    {
                        fields.Add(property.Key);
                    }
                }
            }

            Assert.True(named.All(fields.Contains), $"{operation.Name}: its 400 example names {string.Join(", ", named)}; it takes {string.Join(", ", fields)}");
            var takesSomething = operation.Body["requestBody"] is not null || operation.Parameters.Any(parameter => (string)parameter["in"]! == "query");
            Assert.True(!takesSomething || named.Count > 0, $"{operation.Name} takes parameters or a body, but its 400 example names none");
        }
    }

    [Fact]
    public async Task YearIsAnIntegerAndAsOfADateWhereverTheyAreTaken()
    {
        var (_, operations) = await Served();
        var years = operations.SelectMany(operation => operation.Parameters.Where(parameter => (string)parameter["name"]! == "year").Select(parameter => (operation.Name, parameter))).ToList();
        var dates = operations.SelectMany(operation => operation.Parameters.Where(parameter => (string)parameter["name"]! == "asOf").Select(parameter => (operation.Name, parameter))).ToList();
        Assert.True(years.Count >= 7 && dates.Count >= 7, $"{years.Count} year and {dates.Count} asOf parameters");
        Assert.All(years, year => Assert.True((string?)year.parameter["schema"]!["type"] == "integer", $"{year.Name}: year is {year.parameter["schema"]!.ToJsonString()}"));
        Assert.All(dates, date => Assert.True(((string?)date.parameter["schema"]!["type"], (string?)date.parameter["schema"]!["format"]) == ("string", "date"),
            $"{date.Name}: asOf is {date.parameter["schema"]!.ToJsonString()}"));

        // The service keeps its own checks and messages for a value that is no year or no date.
        var errors = await (await client.Get("/api/v1/reports/scoreboard?year=next&asOf=yesterday")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["'next' is not a year from 1945 to 2100."], errors["year"]);
        Assert.Equal(["'yesterday' is not a date from 1945-01-01 to 2100-12-31 written YYYY-MM-DD."], errors["asOf"]);
    }

    [Fact]
    public async Task EveryReportOffersJsonCsvAndXlsxEachWithAnExample()
    {
        var (_, operations) = await Served();
        // The reports that are tables (the scoreboard's, the task reports, the trend, which also draws its chart); the periodic
        // reports are documents (PeriodReportApiTests).
        var reports = operations.Where(operation => operation.Body["tags"]!.AsArray().Any(tag => (string)tag! == "Reports")
            && operation.Body["responses"]!["200"]!["content"]![CsvTable<object>.MediaType] is not null).ToList();
        Assert.True(reports.Count >= 8, $"only {reports.Count} reports");
        foreach (var report in reports)
        {
            var content = report.Body["responses"]!["200"]!["content"]!.AsObject();
            Assert.Equal(["application/json", CsvTable<object>.MediaType, XlsxTable<object>.MediaType], content.Select(media => media.Key).Take(3).ToArray());
            Assert.Equal((string?)report.Body["operationId"] == "GetTrend" ? ["image/png", "image/svg+xml"] : [], content.Select(media => media.Key).Skip(3).ToArray());
            Assert.All(content, media => Assert.NotNull(media.Value!["example"]));
            Assert.Contains("Ngày số liệu", (string)content[XlsxTable<object>.MediaType]!["example"]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TryingTheProcedureListWithItsExamplesFindsProcedures()
    {
        // Swagger UI fills every parameter with its example: together they must still find something in the sample catalogue.
        var (_, operations) = await Served();
        var list = operations.Single(operation => (string?)operation.Body["operationId"] == "ListProcedures");
        var query = string.Join('&', list.Parameters.Where(parameter => (string)parameter["in"]! == "query")
            .Select(parameter => $"{parameter["name"]}={Uri.EscapeDataString(parameter["example"]!.ToString())}"));
        var page = await (await client.Get($"/api/v1/procedures?{query}")).ReadAs<PageOf<ProcedureCatalog.Api.Procedures.ProcedureSummary>>(HttpStatusCode.OK);
        Assert.NotEmpty(page.Items);
    }
}
