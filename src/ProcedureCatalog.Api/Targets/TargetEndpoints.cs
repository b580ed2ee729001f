using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Access;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Targets;

public static class TargetEndpoints
{
    public static void MapTargets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/programs").WithTags("Targets and tariffs");

        group.MapGet("/", List)
            .WithName("ListPrograms")
            .WithSummary("List reduction programs with their targets")
            .WithDescription("Each program (Resolution 66/NQ-CP) with its baseline date and its targets per year and indicator: the value, the date it is judged on and its scope.")
            .WithExamples(response: TargetExamples.Programs);

        group.MapGet("/{program}/targets/{indicator}/{year:int}", Get)
            .WithName("GetTarget")
            .WithETag()
            .WithSummary("Get one target")
            .WithDescription("The target of an indicator in a program year. The ETag header carries its version.")
            .WithExamples(response: TargetExamples.Time2025)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{program}/targets/{indicator}/{year:int}", Put)
            .RequireAdmin()
            .WithName("PutTarget")
            .WithSummary("Set a target")
            .WithDescription("Creates the target of an indicator for a program year (201) or replaces it (200). When replacing, send If-Match with the ETag "
                + "you read (412 when stale). Reports judge against the new value at once.")
            .WithExamples(request: TargetExamples.Input, response: TargetExamples.Time2025)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Ok<IReadOnlyList<ReductionProgram>>> List(CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        var programs = await TargetQueries.Programs(connection, cancellationToken);
        var targets = (await TargetQueries.Targets(connection, cancellationToken)).ToLookup(target => target.ProgramCode);
        return TypedResults.Ok<IReadOnlyList<ReductionProgram>>(programs
            .Select(program => new ReductionProgram(program.Code, program.Name, program.BaselineDate, targets[program.Code].Select(mapper.Map<Target>).ToList()))
            .ToList());
    }

    /// <param name="program">e.g. resolution-66.</param>
    /// <param name="indicator">time-reduction, cost-reduction, business-online, boundary-free, internal-reviewed, documents-provided-once, full-online-of-eligible or internal-electronic.</param>
    /// <param name="year">The program year.</param>
    private static async Task<Results<Ok<Target>, ValidationProblem, ProblemHttpResult>> Get(
        string program, [EnumValues(typeof(Indicator))] string indicator, int year, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        if (!EnumText<Indicator>.TryParse(indicator, out _))
        {
            return UnknownIndicator(indicator);
        }

        await using var connection = await request.OpenAsync();
        var row = await TargetQueries.Find(connection, program, indicator, year, request.Cancellation);
        if (row is null)
        {
            return Problems.NotFound("Target", $"{program}/{indicator}/{year}");
        }

        Resource.SetETag(request.Http, row);
        return TypedResults.Ok(mapper.Map<Target>(row));
    }

    /// <param name="program">e.g. resolution-66.</param>
    /// <param name="indicator">time-reduction, cost-reduction, business-online, boundary-free, internal-reviewed, documents-provided-once, full-online-of-eligible or internal-electronic.</param>
    /// <param name="year">The program year, 1945 to 2100.</param>
    private static async Task<Results<Created<Target>, Ok<Target>, ValidationProblem, ProblemHttpResult>> Put(
        string program, [EnumValues(typeof(Indicator))] string indicator, int year, TargetInput input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        var errors = new Errors()
            .When(!EnumText<Indicator>.TryParse(indicator, out _), "indicator", IndicatorRule(indicator))
            .When(!PlausibleDateAttribute.IsPlausibleYear(year), "year", PlausibleDateAttribute.YearRule);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var write = await request.BeginWriteAsync();
        if (await TargetQueries.Program(write.Connection, program, write.Cancellation, write.Transaction) is null)
        {
            return Problems.NotFound("Reduction program", program);
        }

        // The change is recorded under the key as asked, as the row is found by it.
        var key = $"{program}/{indicator}/{year}";
        var resource = Resource with { ChangeOf = (row, action) => new Changes.ChangeEntry("target", key, action, Version: row.Version) };
        return await resource.Put(request, write,
            () => TargetQueries.Find(write.Connection, program, indicator, year, write.Cancellation, write.Transaction),
            () => TargetQueries.Insert(write.Connection, write.Transaction, program, indicator, year, input, write.Now, write.Cancellation),
            version => TargetQueries.Update(write.Connection, write.Transaction, program, indicator, year, version, input, write.Now, write.Cancellation),
            mapper.Map<Target>, $"/api/v1/programs/{program}/targets/{indicator}/{year}");
    }

    private static readonly VersionedResource<TargetRow> Resource = new("target", row => row.Version);

    private static string IndicatorRule(string indicator) => $"'{indicator}' is not an indicator; use one of: {EnumText<Indicator>.Describe()}.";

    private static ValidationProblem UnknownIndicator(string indicator) => Problems.Invalid("indicator", IndicatorRule(indicator));
}
