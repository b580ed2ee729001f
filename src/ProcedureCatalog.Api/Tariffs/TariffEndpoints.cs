using MapsterMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Reports;

namespace ProcedureCatalog.Api.Tariffs;

public static class TariffEndpoints
{
    public static void MapTariffs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tariffs").WithTags("Targets and tariffs");

        group.MapGet("/", List)
            .WithName("ListTariffs")
            .WithSummary("List hourly tariffs")
            .WithDescription("The hourly tariffs (đơn giá giờ công, average hourly income) per jurisdiction and year that price the applicant's own hours in the "
                + "compliance cost. Reductions use the tariff of the program's baseline year (2024 for Resolution 66) before and after, so wage growth does not distort them.")
            .WithExamples(response: TariffExamples.List)
            .ProducesValidationProblem();

        group.MapGet("/{jurisdiction}/{year:int}", Get)
            .WithName("GetTariff")
            .WithETag()
            .WithSummary("Get one hourly tariff")
            .WithDescription("The tariff of a jurisdiction for a year. The ETag header carries its version.")
            .WithExamples(response: TariffExamples.CanTho)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{jurisdiction}/{year:int}", Put)
            .WithName("PutTariff")
            .WithSummary("Set an hourly tariff")
            .WithDescription("Creates the tariff of a jurisdiction for a year (201) or replaces it (200). When replacing, send If-Match with the ETag you read "
                + "(412 when stale). Every reduction report that prices hours with it changes at once.")
            .WithExamples(request: TariffExamples.Input, response: TariffExamples.CanTho)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    /// <param name="jurisdiction">Only this jurisdiction: VN or a province code.</param>
    /// <param name="year">Only this year.</param>
    private static async Task<Results<Ok<IReadOnlyList<Tariff>>, ValidationProblem>> List(
        string? jurisdiction, string? year, CatalogDatabase database, IMapper mapper, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        Jurisdiction.Check(jurisdiction, errors);
        var parsedYear = ReportText.Year(year, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenReadAsync(cancellationToken);
        var rows = await TariffQueries.List(connection, jurisdiction, parsedYear, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Tariff>>(rows.Select(mapper.Map<Tariff>).ToList());
    }

    /// <param name="jurisdiction">VN or a province code.</param>
    /// <param name="year">The year.</param>
    private static async Task<Results<Ok<Tariff>, ProblemHttpResult>> Get(
        string jurisdiction, int year, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        await using var connection = await request.OpenAsync();
        var row = await TariffQueries.Find(connection, jurisdiction, year, request.Cancellation);
        if (row is null)
        {
            return Problems.NotFound("Hourly tariff", $"{jurisdiction}/{year}");
        }

        Resource.SetETag(request.Http, row);
        return TypedResults.Ok(mapper.Map<Tariff>(row));
    }

    /// <param name="jurisdiction">VN or a province code.</param>
    /// <param name="year">The year, 1945 to 2100.</param>
    private static async Task<Results<Created<Tariff>, Ok<Tariff>, ValidationProblem, ProblemHttpResult>> Put(
        string jurisdiction, int year, TariffInput input, [AsParameters] CatalogRequest request, IMapper mapper)
    {
        if (!PlausibleDateAttribute.IsPlausibleYear(year))
        {
            return Problems.Invalid("year", PlausibleDateAttribute.YearRule);
        }

        await using var write = await request.BeginWriteAsync();
        if (await JurisdictionQueries.Find(write.Connection, jurisdiction, write.Cancellation, write.Transaction) is null)
        {
            return Problems.NotFound("Jurisdiction", jurisdiction);
        }

        if (request.Refuse(jurisdiction) is { } refused)
        {
            return refused;
        }

        var tariff = input.HourlyTariffVnd!.Value;
        var key = $"{jurisdiction}/{year}";
        var resource = Resource with { ChangeOf = (row, action) => new Changes.ChangeEntry("tariff", key, action, Jurisdiction: jurisdiction, Version: row.Version) };
        return await resource.Put(request, write,
            () => TariffQueries.Find(write.Connection, jurisdiction, year, write.Cancellation, write.Transaction),
            () => TariffQueries.Insert(write.Connection, write.Transaction, jurisdiction, year, tariff, write.Now, write.Cancellation),
            version => TariffQueries.Update(write.Connection, write.Transaction, jurisdiction, year, version, tariff, write.Now, write.Cancellation),
            mapper.Map<Tariff>, $"/api/v1/tariffs/{key}");
    }

    private static readonly VersionedResource<TariffRow> Resource = new("hourly tariff", row => row.Version);
}
