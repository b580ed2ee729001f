using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Targets;

namespace ProcedureCatalog.Api.Reports;

public static class ReportEndpoints
{
    private const string CsvNote = " Send Accept: text/csv for the same figures as CSV for Excel (UTF-8 with BOM, Vietnamese headers), or "
        + "Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet for an XLSX workbook with the same headers and numbers as number cells "
        + "(for Excel with a decimal comma and ';' lists, as in Vietnam, where a comma-separated file splits wrongly).";

    /// <summary>What channel=… does to a reduction report.</summary>
    private const string ChannelNote = " With channel (in-person, online, post) the figures are that channel's own processing time and fee, from its own "
        + "history with the same rules (baseline, abolition, rounding): only procedures offered through it count, one without history of its own has no "
        + "baseline, and cost is the channel's fee alone (no tariff needed); basis names the channel.";

    /// <summary>One vocabulary for every report: what year means and how it and asOf default.</summary>
    private const string YearNote = "Every report takes year, the program year whose targets are applied (default the year of asOf, or this year), and asOf, "
        + "the date of the values (default the year's judging date, or today while that is ahead).";

    public static void MapReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");

        api.MapGet("/procedures/{id:long}/reduction", ForProcedure)
            .WithTags("Reports")
            .WithName("GetProcedureReduction")
            .WithSummary("Reduction of one procedure's processing time and compliance cost")
            .WithDescription("Baseline (in force on the program's baseline date), value in force on asOf, the reduction 100 × (B − C) / B and whether it meets "
                + "the target of year (the program year; default the year of asOf, or this year), for time in working days and for cost per filing in đồng. Abolished on or before asOf: current 0, for time and cost, whether or not the jurisdiction has a tariff. "
                + "A jurisdiction without an hourly tariff for the baseline year gets 422, not a silent zero." + ChannelNote + " " + YearNote + CsvNote)
            .WithExamples(response: ReportExamples.Procedure)
            .WithCsvExample(ReportMappings.ProcedureColumns, [ReportExamples.Procedure])
            .ReportProblems();

        reports.MapGet("/reductions", Reductions)
            .WithName("GetGroupReductions")
            .WithSummary("Reductions by agency, field, level, kind or jurisdiction")
            .WithDescription("For each group of the procedures the filters keep: ΣB, ΣC and 100 × (ΣB − ΣC) / ΣB over those with a baseline (a sum, not an "
                + "average of percentages), for time and for cost, with counts and the yearly burden where filings a year are known. A procedure counts "
                + "in the group it belongs to now (its current agency and field). scope target (default) keeps external, business-related procedures."
                + ChannelNote + " " + YearNote + CsvNote)
            .WithExamples(response: ReportExamples.Groups)
            .WithCsvExample(ReportMappings.GroupColumns(ReportExamples.Groups), ReportExamples.Groups.Rows)
            .ReportProblems();

        reports.MapGet("/scoreboard", Scoreboard)
            .WithName("GetScoreboard")
            .WithSummary("Resolution 66 scoreboard of a jurisdiction (or all) for a program year")
            .WithDescription("Every indicator of the year with its target, value, numerator, denominator, met or not and the gap in percentage points, "
                + "counted from what is in force on asOf (the dated attributes, documents' marks and reviews too: a past date's board stays as it was). "
                + "Reductions are over external, business-related procedures (active or abolished); shares are over what is active on asOf. "
                + "provisional is true while asOf is before the year's judging date. What the data lacks is named, never counted as 0 % or not met: "
                + "an indicator with nothing to count says missing (baseline, tariff, procedures, documents, reporting-regimes), and the board says "
                + "missing targets (none for the year) and the jurisdictions without a tariff (cost-reduction has no value until it is set). " + YearNote + CsvNote)
            .WithExamples(response: ReportExamples.Board)
            .WithCsvExample(ReportMappings.ScoreboardColumns(ReportExamples.Board), ReportExamples.Board.Indicators)
            .ReportProblems(tariff: false);

        reports.MapGet("/laggards", Laggards)
            .WithName("GetLaggards")
            .WithSummary("Procedures furthest from the target")
            .WithDescription("Procedures with a baseline whose reduction on asOf is below the target of the year, lowest reduction first (increases first of all), "
                + "paged. Procedures without a baseline are not laggards; the group report counts them as noBaseline." + ChannelNote + " " + YearNote + CsvNote)
            .WithExamples(response: ReportExamples.Laggards)
            .WithCsvExample(ReportMappings.LaggardColumns(ReportExamples.Laggards), ReportExamples.Laggards.Results.Items)
            .ReportProblems();

        api.MapLocalVsNational();
    }

    /// <summary>
    /// Every report refuses a bad query (400), an unknown program, year or subject (404) and, but for the scoreboard (which
    /// names what is missing instead), a missing tariff (422).
    /// </summary>
    private static RouteHandlerBuilder ReportProblems(this RouteHandlerBuilder builder, bool tariff = true)
    {
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return tariff
            ? builder.Produces<MissingTariffProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
                .WithProblemExample(StatusCodes.Status422UnprocessableEntity, MissingTariffProblem.For(["08"], 2024))
            : builder;
    }

    /// <param name="id">The procedure's id.</param>
    /// <param name="year">The program year whose targets are applied (2025, 2026); default the year of asOf, or this year. Without asOf the figures are as of that year's judging date (31 December), or today while it is still ahead. 404 when the program has no targets for a year given here.</param>
    /// <param name="asOf">Date (YYYY-MM-DD) whose values in force are compared with the baseline; default the judging date of year (31 December), or today while that is still ahead.</param>
    /// <param name="program">The reduction program; default resolution-66.</param>
    /// <param name="channel">in-person, online or post: that channel's own processing time and fee (its fee alone, no tariff) instead of the procedure's; 404 when the procedure is not offered through it.</param>
    private static async Task<Results<Ok<ProcedureReduction>, CsvTable<ProcedureReduction>, XlsxTable<ProcedureReduction>, ValidationProblem, ProblemHttpResult>> ForProcedure(
        long id, string? year, string? asOf, string? program, [EnumValues(typeof(Channels.FilingChannel))] string? channel, HttpContext context, CatalogDatabase database,
        CatalogClock clock, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var request = ReportText.Request(program, asOf, ReportText.Year(year, errors), errors) with { Channel = ReportText.Channel(channel, errors) };
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenReadAsync(cancellationToken);
        var (resolved, problem) = await Resolve(connection, request, clock, TargetsNeed.IfYearGiven, cancellationToken);
        if (resolved is null)
        {
            return problem!;
        }

        var row = await ProcedureReductionQueries.ForProcedure(connection, database.Dialect, id, resolved.Dates, cancellationToken);
        if (row is null)
        {
            return request.Channel is { } kind && await ProcedureQueries.Find(connection, id, cancellationToken) is not null
                ? Problems.NotFound("Channel", $"{id}/{EnumText.Of(kind)}")
                : Problems.NotFound("Procedure", id);
        }

        if (request.Channel is null && row.HourlyTariffVnd is null && await HasCostHistory(connection, id, cancellationToken))
        {
            return MissingTariffs([row.JurisdictionCode], resolved.Dates.TariffYear);
        }

        var reduction = ReportMappings.ToContract(row, resolved.Basis);
        return Answer(MediaNegotiation.Table(context.Request), reduction, $"reduction-{row.JurisdictionCode}-{row.Code}{ChannelPart(request)}-{resolved.Dates.AsOf:yyyy-MM-dd}",
            ReportMappings.ProcedureColumns, [reduction]);
    }

    private static async Task<bool> HasCostHistory(DbConnection connection, long id, CancellationToken cancellationToken) =>
        (await History.HistoryQueries.CostEntries(connection, id, cancellationToken)).Any();

    private static async Task<Results<Ok<GroupReductionReport>, CsvTable<GroupReduction>, XlsxTable<GroupReduction>, ValidationProblem, ProblemHttpResult>> Reductions(
        [AsParameters] ReductionReportQuery query, HttpContext context, CatalogDatabase database, CatalogClock clock, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var filter = query.ToReportFilter(errors);
        var scope = query.ToScope(errors);
        var groupBy = ProcedureFilterQuery.ParseEnum<ReductionGroupBy>(query.GroupBy, "groupBy", errors) ?? ReductionGroupBy.None;
        var request = query.ToRequest(errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenReadAsync(cancellationToken);
        var (resolved, problem) = await Resolve(connection, request, clock, TargetsNeed.IfYearGiven, cancellationToken);
        if (resolved is null)
        {
            return problem!;
        }

        if (request.Channel is null && await TariffProblem(connection, database.Dialect, filter, resolved.Dates, cancellationToken) is { } missing)
        {
            return missing;
        }

        var rows = await GroupReductionQueries.Groups(database.OpenReadAsync, database.Dialect, groupBy, filter, resolved.Dates, database.Dialect.ReportParts, cancellationToken);
        var report = new GroupReductionReport(resolved.Basis, groupBy, scope, rows.Select(ReportMappings.ToContract).ToList());
        return Answer(MediaNegotiation.Table(context.Request), report, $"reductions-{EnumText.Of(groupBy)}{ChannelPart(request)}-{resolved.Dates.AsOf:yyyy-MM-dd}",
            ReportMappings.GroupColumns(report), report.Rows);
    }

    private static async Task<Results<Ok<Scoreboard>, CsvTable<ScoreboardIndicator>, XlsxTable<ScoreboardIndicator>, ValidationProblem, ProblemHttpResult>> Scoreboard(
        [AsParameters] ScoreboardQuery query, HttpContext context, CatalogDatabase database, CatalogClock clock, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var jurisdiction = query.ToJurisdiction(errors);
        var request = ReportText.Request(query.Program, query.AsOf, ReportText.Year(query.Year, errors), errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenReadAsync(cancellationToken);
        if (jurisdiction is not null && await JurisdictionQueries.Find(connection, jurisdiction, cancellationToken) is null)
        {
            return Problems.NotFound("Jurisdiction", jurisdiction);
        }

        var (resolved, problem) = await Resolve(connection, request, clock, TargetsNeed.Named, cancellationToken);
        if (resolved is null)
        {
            return problem!;
        }

        // Without a tariff the cost cannot be priced: the board says so (Board) and gives everything else.

        var board = await Board(database, jurisdiction, resolved, cancellationToken);
        return Answer(MediaNegotiation.Table(context.Request), board, $"scoreboard-{jurisdiction ?? "all"}-{resolved.Dates.Year}-{resolved.Dates.AsOf:yyyy-MM-dd}",
            ReportMappings.ScoreboardColumns(board), board.Indicators);
    }

    /// <summary>What the reduction indicators of the scoreboard are judged over: external, business-related procedures of the jurisdiction (or all).</summary>
    internal static ProcedureFilter ScoreboardScope(string? jurisdiction) =>
        new() { Jurisdiction = jurisdiction, Kind = ProcedureKind.External, BusinessRelated = true };

    /// <summary>
    /// The scoreboard of a jurisdiction (or all) on the resolved dates, once the request is checked (the jurisdiction
    /// exists): what GET /reports/scoreboard answers, and each point of the trend and of the periodic reports. It is
    /// provisional before the year's judging date, and names what it lacks (no targets for the year, a missing tariff)
    /// instead of counting a 0; each indicator names its own (a hook for the reporting regimes as well).
    /// </summary>
    internal static async Task<Scoreboard> Board(CatalogDatabase database, string? jurisdiction, Resolved resolved, CancellationToken cancellationToken)
    {
        var scope = ScoreboardScope(jurisdiction);

        // The coverage indicators do not depend on the reductions: read on a second connection at the same time,
        // they cost no time on top of the reductions (each is one pass over the catalogue at national size).
        var coverage = CoverageQueries.CoverageOnItsOwnConnection(database.OpenReadAsync, jurisdiction, resolved.Dates, CoverageQueries.IndicatorsOf(resolved.Targets), cancellationToken);
        var reductions = GroupReductionQueries.Groups(database.OpenReadAsync, database.Dialect, ReductionGroupBy.None, scope, resolved.Dates, database.Dialect.ReportParts, cancellationToken);
        // Without a tariff the cost cannot be priced: the board names the jurisdictions and gives everything else.
        var tariffs = ReportQueries.OnItsOwnConnection(database.OpenReadAsync,
            connection => ReportQueries.JurisdictionsWithoutTariff(connection, database.Dialect, scope, resolved.Dates, cancellationToken), cancellationToken);
        await Task.WhenAll(coverage, reductions, tariffs);
        var withoutTariff = await tariffs;
        var group = ReportMappings.ToContract((await reductions).Single());
        var indicators = new List<ScoreboardIndicator>();
        foreach (var target in resolved.Targets)
        {
            if (target.Indicator == EnumText.Of(Indicator.TimeReduction))
            {
                indicators.Add(ReportMappings.ToIndicator(target, group.Time, "working-days"));
            }
            else if (target.Indicator == EnumText.Of(Indicator.CostReduction))
            {
                indicators.Add(ReportMappings.ToIndicator(target, group.Cost, "vnd", tariffMissing: withoutTariff.Count > 0));
            }
        }

        indicators.AddRange((await coverage).Select(ReportMappings.ToContract));
        indicators.Sort((left, right) => IndicatorOrder(left.Indicator).CompareTo(IndicatorOrder(right.Indicator)));
        var missing = new List<string>();
        if (resolved.Targets.Count == 0)
        {
            missing.Add("targets");
        }

        if (withoutTariff.Count > 0)
        {
            missing.Add("tariff");
        }

        return new Scoreboard(resolved.Basis, jurisdiction, indicators.Count(i => i.Met == true), indicators.Count(i => i.Met is not null), indicators,
            Provisional: resolved.Dates.AsOf < resolved.JudgedOn, resolved.JudgedOn, missing.Count == 0 ? null : missing, withoutTariff.Count == 0 ? null : withoutTariff);
    }

    private static async Task<Results<Ok<LaggardReport>, CsvTable<Laggard>, XlsxTable<Laggard>, ValidationProblem, ProblemHttpResult>> Laggards(
        [AsParameters] LaggardQuery query, HttpContext context, CatalogDatabase database, CatalogClock clock, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var filter = query.ToReportFilter(errors);
        var scope = query.ToScope(errors);
        var measure = ProcedureFilterQuery.ParseEnum<ReductionMeasure>(query.Measure, "measure", errors) ?? ReductionMeasure.Time;
        var (page, pageSize) = Paging.Read(query.Page, query.PageSize, errors);
        var request = query.ToRequest(errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var connection = await database.OpenReadAsync(cancellationToken);
        var (resolved, problem) = await Resolve(connection, request, clock, TargetsNeed.Required, cancellationToken);
        if (resolved is null)
        {
            return problem!;
        }

        var indicator = EnumText.Of(ReportQueries.IndicatorOf(measure));
        if (resolved.Targets.FirstOrDefault(t => t.Indicator == indicator) is not { } target)
        {
            return Problems.NotFound($"Target {indicator} of {resolved.Dates.Year}", $"{request.Program}/{indicator}/{resolved.Dates.Year}");
        }

        if (measure == ReductionMeasure.Cost && request.Channel is null && await TariffProblem(connection, database.Dialect, filter, resolved.Dates, cancellationToken) is { } missing)
        {
            return missing;
        }

        var fileName = $"laggards-{EnumText.Of(measure)}{ChannelPart(request)}-{resolved.Dates.Year}-{resolved.Dates.AsOf:yyyy-MM-dd}";
        var format = MediaNegotiation.Table(context.Request);
        if (format != TableFormat.Json)
        {
            // As a table every laggard is sent at once (a spreadsheet has no next page), each row written as it is read.
            var columns = ReportMappings.LaggardColumns(resolved.Basis, measure);
            var all = LaggardQueries.All(database.OpenReadAsync, database.Dialect, measure, filter, resolved.Dates, cancellationToken).Select(row => ReportMappings.ToContract(row, measure));
            if (format == TableFormat.Csv)
            {
                return new CsvTable<Laggard>(fileName + ".csv", columns, all);
            }

            return new XlsxTable<Laggard>(fileName + ".xlsx", columns, all);
        }

        var (rows, total) = await LaggardQueries.Laggards(connection, database.Dialect, measure, filter, resolved.Dates, page, pageSize, cancellationToken);
        var items = rows.Select(row => ReportMappings.ToContract(row, measure)).ToList();
        return TypedResults.Ok(new LaggardReport(resolved.Basis, measure, scope, target.TargetHundredths / 100m, Paging.Of(items, page, pageSize, total)));
    }

    private static string ChannelPart(ReportRequest request) => request.Channel is { } channel ? "-" + EnumText.Of(channel) : string.Empty;

    /// <summary>The report as the client asked for it: JSON, or its table as CSV or XLSX under the file name (without extension).</summary>
    internal static Results<Ok<TReport>, CsvTable<TRow>, XlsxTable<TRow>, ValidationProblem, ProblemHttpResult> Answer<TReport, TRow>(
        TableFormat format, TReport report, string fileName, IReadOnlyList<CsvColumn<TRow>> columns, IReadOnlyList<TRow> rows) => format switch
        {
            TableFormat.Csv => new CsvTable<TRow>(fileName + ".csv", columns, rows),
            TableFormat.Xlsx => new XlsxTable<TRow>(fileName + ".xlsx", columns, rows),
            _ => TypedResults.Ok(report),
        };

    /// <summary>The order of the resolution's own table (domain brief, section 1), reductions first: the order of <see cref="Indicator"/>.</summary>
    private static int IndicatorOrder(string indicator) => EnumText<Indicator>.TryParse(indicator, out var value) ? (int)value : int.MaxValue;

    internal sealed record Resolved(ReportDates Dates, ReportBasis Basis, IReadOnlyList<TargetLevelRow> Targets, DateOnly JudgedOn);

    /// <summary>
    /// What a report does without targets for its year: Required (laggards: a target decides who lags) is 404 either way;
    /// IfYearGiven (the reductions: figures without a target) is 404 only for a year asked for; Named (the scoreboard)
    /// answers and names the targets as missing.
    /// </summary>
    private enum TargetsNeed
    {
        Required,
        IfYearGiven,
        Named,
    }

    /// <summary>As <see cref="Resolve(DbConnection, ReportRequest, CatalogClock, TargetsNeed, CancellationToken)"/>: targets Required, or IfYearGiven.</summary>
    internal static Task<(Resolved? Resolved, ProblemHttpResult? Problem)> Resolve(
        DbConnection connection, ReportRequest request, CatalogClock clock, bool needsTargets, CancellationToken cancellationToken) =>
        Resolve(connection, request, clock, needsTargets ? TargetsNeed.Required : TargetsNeed.IfYearGiven, cancellationToken);

    /// <summary>
    /// The program and the dates of a report, by one rule for every report: the year (the program year whose
    /// targets are applied) defaults to that of asOf, or this year; asOf to the year's judging date, or today
    /// while that is ahead. A year given that has no targets is 404 on every report; a defaulted one only where
    /// the report cannot be made without targets (laggards) — the
    /// reductions are still figures without a target, such as on a date past the program's last year; the scoreboard
    /// names missing targets instead (<paramref name="targetsNeed"/>).
    /// </summary>
    private static async Task<(Resolved? Resolved, ProblemHttpResult? Problem)> Resolve(
        DbConnection connection, ReportRequest request, CatalogClock clock, TargetsNeed targetsNeed, CancellationToken cancellationToken)
    {
        var program = await Targets.TargetQueries.Program(connection, request.Program, cancellationToken);
        if (program is null)
        {
            return (null, Problems.NotFound("Reduction program", request.Program));
        }

        var today = clock.Today;
        var year = request.Year ?? request.AsOf?.Year ?? today.Year;
        var targets = await ReportQueries.TargetsOfYear(connection, program.Code, year, cancellationToken);
        if (targets.Count == 0 && (targetsNeed == TargetsNeed.Required || (targetsNeed == TargetsNeed.IfYearGiven && request.Year is not null)))
        {
            var years = await ReportQueries.YearsWithTargets(connection, program.Code, cancellationToken);
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No targets for that year",
                detail: $"Program '{program.Code}' has no targets for {year}; it has targets for {(years.Count == 0 ? "no year yet" : string.Join(", ", years))}."));
        }

        var judgedOn = targets.Count == 0 ? new DateOnly(year, 12, 31) : targets.Max(t => t.JudgedOn);
        var asOf = request.AsOf ?? (judgedOn < today ? judgedOn : today);
        var dates = new ReportDates(program.Code, program.BaselineDate.Year, asOf, year) { Channel = request.Channel };
        var basis = ChannelReports.Basis(new ReportBasis(program.Code, program.Name, program.BaselineDate, asOf, dates.Year, Normalisation.For(dates.TariffYear)), request.Channel);
        return (new Resolved(dates, basis, targets, judgedOn), null);
    }

    internal static async Task<ProblemHttpResult?> TariffProblem(DbConnection connection, SqlDialect dialect, ProcedureFilter filter, ReportDates dates, CancellationToken cancellationToken)
    {
        var missing = await ReportQueries.JurisdictionsWithoutTariff(connection, dialect, filter, dates, cancellationToken);
        return missing.Count == 0 ? null : MissingTariffs(missing, dates.TariffYear);
    }

    private static ProblemHttpResult MissingTariffs(IReadOnlyList<string> jurisdictions, int year) => TypedResults.Problem(MissingTariffProblem.For(jurisdictions, year));
}
