using ProcedureCatalog.Api.Changes;

namespace ProcedureCatalog.Api.Plans;

/// <summary>Cần Thơ's plan 56/KH-UBND and its task 2 as the sample holds them (db/seed/plans), as the API gives them.</summary>
internal static class PlanExamples
{
    private static readonly DateTime Recorded = new(2026, 11, 10, 3, 0, 0, DateTimeKind.Utc);

    private const string Title = "Thực hiện Nghị quyết số 66/NQ-CP ngày 26 tháng 3 năm 2025 của Chính phủ về Chương trình cắt giảm, đơn giản hóa thủ tục hành chính "
        + "liên quan đến hoạt động sản xuất, kinh doanh năm 2025 và 2026 trên địa bàn thành phố Cần Thơ năm 2025";

    public static readonly Plan CanTho = new(1, "92", "resolution-66", "56/KH-UBND", new DateOnly(2025, 9, 3), "UBND thành phố Cần Thơ", Title, Recorded, Recorded, 1);

    public static readonly IReadOnlyList<Plan> List =
    [
        new(2, "11", "resolution-66", null, null, "UBND thành phố Điện Biên Phủ",
            "Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ về Chương trình cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến hoạt động "
            + "sản xuất, kinh doanh năm 2025 và 2026 trên địa bàn thành phố Điện Biên Phủ", Recorded, Recorded, 1),
        CanTho,
    ];

    public static readonly PlanCreate Create = new("92", "56/KH-UBND", new DateOnly(2025, 9, 3), "UBND thành phố Cần Thơ", Title, "resolution-66");

    public static readonly PlanUpdate Update = new("56/KH-UBND", new DateOnly(2025, 9, 3), "UBND thành phố Cần Thơ", Title, "resolution-66");

    public static readonly IReadOnlyList<Change> Audit =
    [
        new(60, "plan", "1", "created", null, "92", null, 1, "service", Recorded),
        new(62, "plan-task", "1/2", "created", null, "92", null, 1, "service", Recorded),
        new(97, "milestone-progress", "1/2/4", "created", null, "92", null, 3, "Cần Thơ one-stop", Recorded),
    ];

    private const string Content = "Thực hiện trực tuyến, thông suốt, liền mạch, hiệu quả, đảm bảo minh bạch, giảm tối đa giấy tờ";
    private const string Output = "Thực hiện trực tuyến 100% thủ tục hành chính liên quan đến doanh nghiệp";
    private const string Section = "I. Cắt giảm, đơn giản hóa TTHC liên quan đến hoạt động sản xuất, kinh doanh";
    private const string Deadline = "Hoàn thành trước ngày 31 tháng 8 năm 2025";

    private static readonly AgencyReference Finance = new(21, "Sở Tài chính thành phố Cần Thơ");
    private static readonly AgencyReference Science = new(26, "Sở Khoa học và Công nghệ thành phố Cần Thơ");
    private static readonly AgencyReference Office = new(27, "Văn phòng UBND thành phố Cần Thơ");

    public static readonly ProgressEntry Started = new(3, 2, new DateOnly(2025, 7, 1), ProgressStatus.InProgress, null, null,
        "Rà soát các TTHC liên quan đến doanh nghiệp chưa cung cấp trực tuyến.", "service", Recorded);

    public static readonly ProgressEntry Done = new(4, 2, new DateOnly(2026, 11, 10), ProgressStatus.Done, "2310/QĐ-UBND", null,
        "Hoàn thành muộn: 100% TTHC liên quan đến doanh nghiệp được cung cấp trực tuyến.", "service", Recorded);

    public static readonly IReadOnlyList<ProgressEntry> Progress = [Started, Done];

    public static readonly ProgressInput ProgressInput = new(new DateOnly(2026, 11, 10), ProgressStatus.Done, "2310/QĐ-UBND", null,
        "Hoàn thành muộn: 100% TTHC liên quan đến doanh nghiệp được cung cấp trực tuyến.");

    public static readonly PlanTask Task = new(
        2, 1, "2", null, Section, Content, [Finance, Science], [Office], Deadline,
        [new Milestone(2, null, DeadlineKind.Date, new DateOnly(2025, 8, 31), null, new DateOnly(2025, 8, 31), ProgressStatus.Done, new DateOnly(2026, 11, 10), Progress)],
        Output, Recorded, Recorded, 3);

    public static readonly PlanTaskInput TaskInput = new(
        "2", Section, Content, [new AgencyReference(21, null), new AgencyReference(26, null)], [new AgencyReference(27, null)], Deadline,
        [new MilestoneInput(2, DeadlineKind.Date, new DateOnly(2025, 8, 31), null, null)], Output);

    public static readonly IReadOnlyList<PlanTask> Tasks =
    [
        new(1, 1, "1", null, Section, "Chủ động giảm ít nhất 30% thời gian giải quyết của các TTHC, 30% chi phí tuân thủ thủ tục hành chính",
            [new AgencyReference(null, "Các sở, ban, ngành thành phố")], [Office, new AgencyReference(null, "UBND cấp xã")], "Trước ngày 30 tháng 8 năm 2025",
            [new Milestone(1, null, DeadlineKind.Date, new DateOnly(2025, 8, 30), null, new DateOnly(2025, 8, 30), ProgressStatus.NotStarted, null, [])],
            "Quyết định thông qua phương án đơn giản hóa TTHC và báo cáo kiến nghị cơ quan có thẩm quyền", Recorded, Recorded, 1),
        Task,
    ];

    public const string AnnexCsv =
        "STT,Nội dung thực hiện,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện,Kết quả/Sản phẩm\n"
        + "I,\"Cắt giảm, đơn giản hóa TTHC liên quan đến hoạt động sản xuất, kinh doanh\",,,,\n"
        + "2,\"" + Content + "\",\"Sở Tài chính, Sở Khoa học và Công nghệ\",Văn phòng UBND thành phố," + Deadline + "," + Output + "\n"
        + "8.1,\"Rà soát, tái cấu trúc quy trình, nâng cao chất lượng cung cấp TTHC trên môi trường điện tử\",\"Các sở, ban, ngành thành phố; UBND cấp xã\","
        + "Sở Khoa học và Công nghệ,\"- TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 30 tháng 11 năm 2025.\n- TTHC còn lại theo lộ trình đến ngày 31 tháng 12 năm 2026\","
        + "Các TTHC cung cấp trên môi trường điện tử\n";

    public static readonly AnnexImport AnnexImported = new(1, true, 3, 1, 2, 3,
    [
        new AnnexTask(3, null, "2", null, Section, Content, [Finance, Science], [Office], Deadline,
            [new AnnexMilestone(null, DeadlineKind.Date, new DateOnly(2025, 8, 31), null)], Output),
        new AnnexTask(4, null, "8.1", "8", Section, "Rà soát, tái cấu trúc quy trình, nâng cao chất lượng cung cấp TTHC trên môi trường điện tử",
            [new AgencyReference(null, "Các sở, ban, ngành thành phố"), new AgencyReference(null, "UBND cấp xã")], [Science],
            "- TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 30 tháng 11 năm 2025.\n- TTHC còn lại theo lộ trình đến ngày 31 tháng 12 năm 2026",
            [
                new AnnexMilestone("TTHC liên quan đến doanh nghiệp", DeadlineKind.Date, new DateOnly(2025, 11, 30), null),
                new AnnexMilestone("TTHC còn lại", DeadlineKind.Date, new DateOnly(2026, 12, 31), null),
            ],
            "Các TTHC cung cấp trên môi trường điện tử"),
    ]);

    public static readonly AnnexImportProblem AnnexProblem = new(
    [
        new AnnexRowError(11, "Thời gian thực hiện", "- TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 31 tháng 11 năm 2025.",
            "'trước ngày 31 tháng 11 năm 2025' is not a date: month 11 of 2025 has 30 days."),
        new AnnexRowError(12, "Nội dung thực hiện", null, "The row has no content: every task says what is to be done (nội dung thực hiện)."),
    ], 2);

    private static TaskMilestoneItem Item(long taskId, string number, string content, IReadOnlyList<AgencyReference> leads, long milestoneId, DateOnly due,
        ProgressStatus status, DateOnly? statusOn, string? decisionRef, string? notes, int? daysOverdue, int? daysLeft) =>
        new(1, "92", "56/KH-UBND", new DateOnly(2025, 9, 3), Title, taskId, number, content, leads, milestoneId, null, DeadlineKind.Date, due, null, due,
            status, statusOn, decisionRef, null, notes, daysOverdue, daysLeft);

    private static readonly TaskMilestoneItem Overdue5 = Item(5, "5", "Khẩn trương thực thi các phương án cắt giảm, đơn giản hóa TTHC được cấp có thẩm quyền phê duyệt",
        [new AgencyReference(null, "Các sở, ban, ngành thành phố"), new AgencyReference(null, "UBND cấp xã")], 5, new DateOnly(2025, 8, 30),
        ProgressStatus.InProgress, new DateOnly(2025, 9, 15), null, "Đang thực thi các phương án đã được phê duyệt.", 449, null);

    public static readonly TaskReport OverdueReport = new(
        new TaskReportBasis("overdue", new DateOnly(2026, 11, 22), null, null, "92", null, "Not done on asOf, and the deadline (dueBy) is before asOf."),
        TaskReportGroupBy.Agency, 1,
        [
            new TaskReportGroup(null, null, "Các sở, ban, ngành thành phố", 1, [5]),
            new TaskReportGroup(null, null, "UBND cấp xã", 1, [5]),
        ],
        [Overdue5]);

    public static readonly TaskReport DueReport = new(
        new TaskReportBasis("due", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), "92", null,
            "Not done on asOf (the first day), and the deadline (dueBy) is one of the days from from to to."),
        TaskReportGroupBy.None, 1, [],
        [
            Item(9, "8.1", "Rà soát, tái cấu trúc quy trình, nâng cao chất lượng cung cấp TTHC trên môi trường điện tử",
                [new AgencyReference(null, "Các sở, ban, ngành thành phố"), new AgencyReference(null, "UBND cấp xã")], 9, new DateOnly(2026, 12, 31),
                ProgressStatus.InProgress, new DateOnly(2026, 3, 1), null, null, null, 30) with { Label = "TTHC còn lại" },
        ]);

    public static readonly TaskReport DoneReport = new(
        new TaskReportBasis("done", new DateOnly(2026, 11, 22), new DateOnly(2026, 10, 23), new DateOnly(2026, 11, 22), "92", null,
            "Done on to (the last day), and the done entry is dated from from to to."),
        TaskReportGroupBy.None, 1, [],
        [Item(2, "2", Content, [Finance, Science], 2, new DateOnly(2025, 8, 31), ProgressStatus.Done, new DateOnly(2026, 11, 10), "2310/QĐ-UBND", Done.Notes, null, null)]);
}
