using System.Net;
using MiniExcelLibs;
using ProcedureCatalog.Api.Changes;
using ProcedureCatalog.Api.Plans;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Api;

/// <summary>A plan's annex imported from CSV and XLSX in the shape of the seed tables: dry run, all or nothing, each bad row named.</summary>
public sealed class AnnexImportApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private const string Sections = "I,\"Cắt giảm, đơn giản hóa TTHC liên quan đến hoạt động sản xuất, kinh doanh\",,,,";

    private static readonly string[] Rows =
    [
        Sections,
        "1,\"Chủ động giảm ít nhất 30% thời gian giải quyết của các TTHC\",\"Các sở, ban, ngành thành phố\",\"Văn phòng UBND thành phố; UBND cấp xã\",Trước ngày 30 tháng 8 năm 2025,Quyết định thông qua phương án",
        "2,\"Thực hiện trực tuyến, thông suốt\",\"Sở Tài chính, Sở Khoa học và Công nghệ\",Văn phòng UBND thành phố,Hoàn thành trước ngày 31 tháng 8 năm 2025,\"- Quyết định công bố TTHC\n- TTHC nội bộ công khai theo quy định.\"",
        PlanRequests.AnnexHeader,
        "III Thực hiện TTHC không phụ thuộc vào địa giới hành chính,,,,,",
        "8,Đẩy mạnh cung cấp TTHC trên môi trường điện tử,,,,",
        "8.1,Rà soát quy trình,\"Các sở, ban, ngành thành phố; UBND cấp xã\",\"Sở Khoa học và Công nghệ\nVăn phòng UBND thành phố\",\"- TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 30 tháng 11 năm 2025.\n- TTHC còn lại theo lộ trình đến ngày 31 tháng 12 năm 2026\",",
        ",,,,,",
        "9,Nâng cấp Hệ thống thông tin,Sở Khoa học và Công nghệ,,Thường xuyên,",
    ];

    [Fact]
    public async Task ADryRunShowsTheTasksWithTheirMilestonesAndAgenciesAndWritesNothing()
    {
        var plan = await client.NewPlan();
        var preview = await (await client.PostAnnex(plan.Id, PlanRequests.Annex(Rows), dryRun: true)).ReadAs<AnnexImport>(HttpStatusCode.OK);
        Assert.Equal((plan.Id, true, 7, 2, 5, 5), (preview.PlanId, preview.DryRun, preview.Rows, preview.Sections, preview.Tasks, preview.Milestones));
        Assert.Equal(["1", "2", "8", "8.1", "9"], preview.Items.Select(item => item.Number).ToArray());
        // Rows as Excel numbers them: the header is 1, and a cell's line breaks do not count.
        Assert.Equal([3, 4, 7, 8, 10], preview.Items.Select(item => item.Row).ToArray());
        Assert.All(preview.Items, item => Assert.Null(item.TaskId));

        var two = preview.Items[1];
        Assert.Equal("I. Cắt giảm, đơn giản hóa TTHC liên quan đến hoạt động sản xuất, kinh doanh", two.Section);
        Assert.Equal(["Sở Tài chính thành phố Cần Thơ", "Sở Khoa học và Công nghệ thành phố Cần Thơ"], two.LeadAgencies.Select(agency => agency.Name!).ToArray());
        Assert.All(two.LeadAgencies.Concat(two.CoordinatingAgencies), agency => Assert.NotNull(agency.AgencyId));
        Assert.Equal("- Quyết định công bố TTHC\n- TTHC nội bộ công khai theo quy định.", two.ExpectedOutput);

        var eightOne = preview.Items[3];
        Assert.Equal(("8", "III. Thực hiện TTHC không phụ thuộc vào địa giới hành chính"), (eightOne.ParentNumber!, eightOne.Section!));
        Assert.Equal([new AgencyReference(null, "Các sở, ban, ngành thành phố"), new AgencyReference(null, "UBND cấp xã")], eightOne.LeadAgencies);
        Assert.Equal(
            [
                new AnnexMilestone("TTHC liên quan đến doanh nghiệp", DeadlineKind.Date, new DateOnly(2025, 11, 30), null),
                new AnnexMilestone("TTHC còn lại", DeadlineKind.Date, new DateOnly(2026, 12, 31), null),
            ],
            eightOne.Milestones);
        Assert.Equal(new AnnexMilestone(null, DeadlineKind.Ongoing, null, null), Assert.Single(preview.Items[4].Milestones));
        Assert.Empty(preview.Items[2].Milestones);

        Assert.Empty(await client.Tasks(plan.Id));
    }

    [Fact]
    public async Task AGoodAnnexIsWrittenWholeEachTaskInTheChangeFeed()
    {
        var plan = await client.NewPlan();
        var response = await client.PostAnnex(plan.Id, PlanRequests.Annex(Rows));
        var imported = await response.ReadAs<AnnexImport>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/plans/{plan.Id}/tasks", response.Headers.Location?.ToString());
        Assert.False(imported.DryRun);

        var tasks = await client.Tasks(plan.Id);
        Assert.Equal(imported.Items.Select(item => item.TaskId!.Value).ToArray(), tasks.Select(task => task.Id).ToArray());
        Assert.Equal(["Trước ngày 30 tháng 8 năm 2025", "Hoàn thành trước ngày 31 tháng 8 năm 2025", "-", "Thường xuyên"],
            tasks.Where(task => task.Number != "8.1").Select(task => task.DeadlineText ?? "-").ToArray());
        Assert.Equal(new DateOnly(2025, 8, 30), tasks[0].Milestones.Single().DueBy);
        var audit = await (await client.Get($"/api/v1/plans/{plan.Id}/audit")).ReadAs<List<Change>>(HttpStatusCode.OK);
        Assert.Equal(6, audit.Count);
        Assert.Equal(tasks.Select(task => $"{plan.Id}/{task.Id}"), audit.Skip(1).Select(change => change.EntityKey));

        // The same annex again would give every task twice: nothing of it is taken.
        var again = await (await client.PostAnnex(plan.Id, PlanRequests.Annex(Rows))).RowErrors();
        Assert.Equal(5, again.Count);
        Assert.All(again, error => Assert.Equal(AnnexColumns.Number, error.Column));
        Assert.Contains(again, error => error.Message == "The plan already has a task 8.1.");
        Assert.Equal(5, (await client.Tasks(plan.Id)).Count);
    }

    [Fact]
    public async Task OneBadRowAndNothingOfTheAnnexIsWrittenEachBadRowNamed()
    {
        var plan = await client.NewPlan();
        var rows = await (await client.PostAnnex(plan.Id, PlanRequests.Annex(
            "1,\"Nhiệm vụ có\nhai dòng\",Sở Tài chính,,Trước ngày 30 tháng 8 năm 2025,",
            "2,,Sở Tài chính,,Trong năm 2025,Quyết định",
            "3,Nhiệm vụ,,,Trước ngày 31 tháng 11 năm 2025,",
            "4,Nhiệm vụ tốt,,,Thường xuyên,"))).RowErrors();
        Assert.Equal(
            [
                new AnnexRowError(3, AnnexColumns.Content, null, "The row has no content: every task says what is to be done (nội dung thực hiện)."),
                new AnnexRowError(4, AnnexColumns.Deadline, "Trước ngày 31 tháng 11 năm 2025", "'Trước ngày 31 tháng 11 năm 2025' is not a date: month 11 of 2025 has 30 days."),
            ],
            rows);
        Assert.Empty(await client.Tasks(plan.Id));

        var problem = await (await client.PostAnnex(plan.Id, PlanRequests.Annex("2,,,,,"))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["Row 2: The row has no content: every task says what is to be done (nội dung thực hiện)."], problem["content"]);
    }

    [Theory]
    [InlineData("Trước ngày 30 tháng 8 năm 2025", "date 2025-08-30")]
    [InlineData("Hoàn thành trước ngày 31 tháng 8 năm 2025", "date 2025-08-31")]
    [InlineData("Hoàn thành trước 30 tháng 6 năm 2025", "date 2025-06-30")]
    [InlineData("Hoàn thành thực hiện TTHC không phụ thuộc vào địa giới hành chính trong phạm vi thành phố trước ngày 31 tháng 8 năm 2025", "date 2025-08-31")]
    [InlineData("trước ngày 20/6/2025", "date 2025-06-20")]
    [InlineData("Trong năm 2025", "year 2025")]
    [InlineData("Hoàn thành thực hiện TTHC không phụ thuộc vào địa giới hành chính trong năm 2025", "year 2025")]
    [InlineData("Thường xuyên", "ongoing")]
    [InlineData("\"- TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 30 tháng 11 năm 2025.\n- TTHC còn lại theo lộ trình đến ngày 31 tháng 12 năm 2026\"",
        "date 2025-11-30 TTHC liên quan đến doanh nghiệp", "date 2026-12-31 TTHC còn lại")]
    [InlineData("\": Kiến nghị cắt giảm, đơn giản hóa năm 2025 trước ngày 20 tháng 6 năm 2025 và năm 2026 trước ngày 20 tháng 6 năm 2026.\"",
        "date 2025-06-20 Kiến nghị cắt giảm, đơn giản hóa năm 2025", "date 2026-06-20 năm 2026")]
    [InlineData("Đối với TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 25 tháng 12 năm 2025; đối với các TTHC còn lại theo lộ trình đến năm 2026.",
        "date 2025-12-25 TTHC liên quan đến doanh nghiệp", "year 2026 các TTHC còn lại")]
    public async Task EachDeadlineFormOfThePlansBecomesItsMilestones(string cell, params string[] expected)
    {
        var plan = await client.NewPlan();
        var preview = await (await client.PostAnnex(plan.Id, PlanRequests.Annex($"1,Nhiệm vụ,,,{cell},"), dryRun: true)).ReadAs<AnnexImport>(HttpStatusCode.OK);
        var milestones = Assert.Single(preview.Items).Milestones.Select(milestone => string.Join(' ', new[]
        {
            milestone.Kind switch
            {
                DeadlineKind.Date => $"date {milestone.DueOn:yyyy-MM-dd}",
                DeadlineKind.Year => $"year {milestone.Year}",
                _ => "ongoing",
            },
            milestone.Label,
        }.OfType<string>()));
        Assert.Equal(expected, milestones.ToArray());
    }

    [Theory]
    [InlineData("Trước ngày 31 tháng 11 năm 2025", "is not a date: month 11 of 2025 has 30 days")]
    [InlineData("Quý III năm 2025", "speaks of 'Quý III'")]
    [InlineData("Theo lộ trình của UBND tỉnh", "is not a deadline this service reads")]
    [InlineData("Trước ngày 30 tháng 8 năm 2025 đối với cấp tỉnh", "the words after the last deadline")]
    public async Task ADeadlineThatCannotBeReadIsA422NamingItsRowAndTextAndNothingIsWritten(string cell, string reason)
    {
        var plan = await client.NewPlan();
        var error = Assert.Single(await (await client.PostAnnex(plan.Id, PlanRequests.Annex("1,Nhiệm vụ tốt,,,Trong năm 2025,", $"2,Nhiệm vụ,,,{cell},"))).RowErrors());
        Assert.Equal((3, AnnexColumns.Deadline, cell), (error.Row, error.Column, error.Text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(await client.Tasks(plan.Id));
    }

    [Fact]
    public async Task TheCanThoAnnexAsTheSeedWritesItIsRefusedAtTheThirtyFirstOfNovember()
    {
        var plan = await client.NewPlan();
        var sample = await File.ReadAllTextAsync(Repository.PathOf("db", "seed", "plans", "can-tho-56-kh-ubnd.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(17, (await (await client.PostAnnex(plan.Id, sample, dryRun: true)).ReadAs<AnnexImport>(HttpStatusCode.OK)).Tasks);

        var asWritten = sample.Replace("trước ngày 30 tháng 11 năm 2025", "trước ngày 31 tháng 11 năm 2025", StringComparison.Ordinal);
        var error = Assert.Single(await (await client.PostAnnex(plan.Id, asWritten)).RowErrors());
        Assert.Equal((14, AnnexColumns.Deadline), (error.Row, error.Column));
        Assert.StartsWith("- TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 31 tháng 11 năm 2025.", error.Text, StringComparison.Ordinal);
        Assert.Empty(await client.Tasks(plan.Id));
    }

    [Fact]
    public async Task RowsAreCheckedAgainstEachOtherAndThePlan()
    {
        var plan = await client.NewPlan();
        var rows = await (await client.PostAnnex(plan.Id, PlanRequests.Annex(
            "1,Nhiệm vụ một,,,,",
            "1,Nhiệm vụ một lần nữa,,,,",
            "1.b,Nhiệm vụ 1.b,,,,",
            "1.B,Nhiệm vụ 1.B,,,,",
            "2.1,Nhiệm vụ không có cha,,,,",
            ",Dòng nối tiếp trang trước,,,,",
            "8;1,Số sai,,,,",
            "IV,Mục có thời hạn,,,Trong năm 2025,"))).RowErrors();
        Assert.Equal(
            [
                (3, AnnexColumns.Number, "Task 1 is given twice."),
                (5, AnnexColumns.Number, "Task 1.B is given twice."),
                (6, AnnexColumns.Number, "Task 2.1 stands under task 2, which neither the plan nor an earlier row has."),
                (7, AnnexColumns.Number, "The row has no STT: every task has the plan's number (a row that continues the one above it across a page belongs in that row)."),
                (8, AnnexColumns.Number, "'8;1' is not a task number: parts of letters or digits separated by dots, such as 8, 8.1 or 2.b.ii."),
                (9, AnnexColumns.Deadline, "Row 9 is the heading of section IV, which has no thời gian thực hiện: give it to a task under it."),
            ],
            rows.Select(error => (error.Row, error.Column, error.Message)).ToArray());
    }

    [Fact]
    public async Task AnXlsxAnnexIsReadAsItsCsvIs()
    {
        var plan = await client.NewPlan();
        var sheet = new[]
        {
            Row("I", "Cắt giảm, đơn giản hóa TTHC nội bộ", null, null, null, null),
            Row("3", "Rà soát, trình công bố đầy đủ các TTHC nội bộ", "Các sở, ban, ngành thành phố", "Văn phòng UBND thành phố; UBND cấp xã",
                "Hoàn thành trước ngày 30 tháng 4 năm 2025", "Quyết định công bố TTHC"),
            Row("6", "Tiếp tục rà soát", "Các sở, ban, ngành thành phố; UBND cấp xã", "Sở Khoa học và Công nghệ", "Trong năm 2025", "Quy trình TTHC"),
            Row(null, null, null, null, null, null),
            Row("7", null, "Sở Khoa học và Công nghệ", null, "Thường xuyên", null),
        };
        // Rows as Excel numbers them: the blank row 5 is passed over but still counted.
        var bad = await (await client.PostAnnex(plan.Id, Workbook(sheet), PlanRequests.XlsxMediaType)).RowErrors();
        Assert.Equal((6, AnnexColumns.Content), (Assert.Single(bad).Row, bad[0].Column));

        sheet[4]["Nội dung thực hiện"] = "Bảo đảm kết nối, chia sẻ dữ liệu";
        var imported = await (await client.PostAnnex(plan.Id, Workbook(sheet), PlanRequests.XlsxMediaType)).ReadAs<AnnexImport>(HttpStatusCode.Created);
        Assert.Equal((3, 1), (imported.Tasks, imported.Sections));
        var tasks = await client.Tasks(plan.Id);
        Assert.Equal([DeadlineKind.Date, DeadlineKind.Year, DeadlineKind.Ongoing], tasks.Select(task => task.Milestones.Single().Kind).ToArray());
        Assert.Equal("I. Cắt giảm, đơn giản hóa TTHC nội bộ", tasks[0].Section);
    }

    private static Dictionary<string, object?> Row(string? number, string? content, string? lead, string? coordinating, string? deadline, string? output) => new()
    {
        ["STT"] = number,
        ["Nội dung thực hiện"] = content,
        ["Cơ quan chủ trì"] = lead,
        ["Cơ quan phối hợp"] = coordinating,
        ["Thời gian thực hiện"] = deadline,
        ["Kết quả/Sản phẩm"] = output,
    };

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, rows, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    [Fact]
    public async Task AFileThatIsNoAnnexIsRefusedNamingWhatIsWrong()
    {
        var plan = await client.NewPlan();
        var errors = await (await client.PostAnnex(plan.Id, "STT,Nội dung thực hiện,Ghi chú\n1,Nhiệm vụ,x\n")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["'Ghi chú' is not a column of an annex; the columns are STT, Nội dung thực hiện, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện, Kết quả/Sản phẩm."],
            errors["columns"]);
        errors = await (await client.PostAnnex(plan.Id, "Nội dung,Thời hạn\nNhiệm vụ,Thường xuyên\n")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["number"], errors.Keys);
        errors = await (await client.PostAnnex(plan.Id, "STT,Nội dung,Nhiệm vụ\n1,a,b\n")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["content"], errors.Keys);
        errors = await (await client.PostAnnex(plan.Id, "")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["The file is empty."], errors["body"]);
        errors = await (await client.PostAnnex(plan.Id, [0x50, 0x4B, 0x03, 0x04, 0x00], PlanRequests.XlsxMediaType)).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["body"], errors.Keys);
        await (await client.PostAnnex(plan.Id, System.Text.Encoding.UTF8.GetBytes("[]"), "application/json")).Problem(HttpStatusCode.UnsupportedMediaType);
        await (await client.PostAnnex(424242, PlanRequests.Annex("1,Nhiệm vụ,,,,"))).Problem(HttpStatusCode.NotFound);
        Assert.Empty(await client.Tasks(plan.Id));
    }
}
