namespace ProcedureCatalog.Api.Generator;

/// <summary>
/// The words the generator builds a national-size catalogue from: the 34 provincial-level units after the
/// 2025 merger plus the central catalogue, ministries and provincial departments, and procedure names put
/// together from an action, an object of the field and a qualifier, all with their Vietnamese diacritics so
/// that search is exercised as it is on real names. Illustrative, not the official catalogue.
/// </summary>
internal static class GeneratorVocabulary
{
    public sealed record JurisdictionName(string Code, string Name);

    public static readonly JurisdictionName Central = new("VN", "Trung ương");

    public static readonly JurisdictionName[] Provinces =
    [
        new("01", "Thành phố Hà Nội"), new("04", "Tỉnh Cao Bằng"), new("08", "Tỉnh Tuyên Quang"), new("11", "Tỉnh Điện Biên"),
        new("12", "Tỉnh Lai Châu"), new("14", "Tỉnh Sơn La"), new("15", "Tỉnh Lào Cai"), new("19", "Tỉnh Thái Nguyên"),
        new("20", "Tỉnh Lạng Sơn"), new("22", "Tỉnh Quảng Ninh"), new("24", "Tỉnh Bắc Ninh"), new("25", "Tỉnh Phú Thọ"),
        new("31", "Thành phố Hải Phòng"), new("33", "Tỉnh Hưng Yên"), new("37", "Tỉnh Ninh Bình"), new("38", "Tỉnh Thanh Hóa"),
        new("40", "Tỉnh Nghệ An"), new("42", "Tỉnh Hà Tĩnh"), new("44", "Tỉnh Quảng Trị"), new("46", "Thành phố Huế"),
        new("48", "Thành phố Đà Nẵng"), new("51", "Tỉnh Quảng Ngãi"), new("52", "Tỉnh Gia Lai"), new("56", "Tỉnh Khánh Hòa"),
        new("66", "Tỉnh Đắk Lắk"), new("68", "Tỉnh Lâm Đồng"), new("75", "Tỉnh Đồng Nai"), new("79", "Thành phố Hồ Chí Minh"),
        new("80", "Tỉnh Tây Ninh"), new("82", "Tỉnh Đồng Tháp"), new("86", "Tỉnh Vĩnh Long"), new("91", "Tỉnh An Giang"),
        new("92", "Thành phố Cần Thơ"), new("96", "Tỉnh Cà Mau"),
    ];

    /// <summary>A field with the objects its procedures are about.</summary>
    public sealed record FieldWords(string Name, string[] Objects);

    public static readonly FieldWords[] Fields =
    [
        new("Đăng ký kinh doanh", ["Giấy chứng nhận đăng ký doanh nghiệp", "Giấy chứng nhận đăng ký hộ kinh doanh", "đăng ký kinh doanh hợp tác xã", "nội dung đăng ký kinh doanh của chi nhánh", "đăng ký kinh doanh địa điểm kinh doanh"]),
        new("Đầu tư", ["Giấy chứng nhận đăng ký đầu tư", "chủ trương đầu tư dự án", "dự án đầu tư theo phương thức đối tác công tư", "ưu đãi đầu tư"]),
        new("Đất đai", ["Giấy chứng nhận quyền sử dụng đất", "biến động quyền sử dụng đất", "giao đất, cho thuê đất", "chuyển mục đích sử dụng đất", "thông tin địa chính"]),
        new("Xây dựng", ["giấy phép xây dựng công trình", "giấy phép xây dựng nhà ở riêng lẻ", "Báo cáo nghiên cứu khả thi đầu tư xây dựng", "chứng chỉ hành nghề hoạt động xây dựng"]),
        new("Giao thông vận tải", ["Giấy phép kinh doanh vận tải bằng xe ô tô", "giấy phép lái xe", "giấy phép lưu hành xe quá tải trọng", "phù hiệu xe kinh doanh vận tải"]),
        new("Hộ tịch", ["khai sinh", "kết hôn", "khai tử", "thay đổi, cải chính hộ tịch", "xác nhận tình trạng hôn nhân"]),
        new("Chứng thực", ["bản sao từ bản chính", "chữ ký trong giấy tờ, văn bản", "hợp đồng, giao dịch về động sản", "văn bản thỏa thuận phân chia di sản"]),
        new("Lao động - Việc làm", ["giấy phép lao động cho người lao động nước ngoài", "trợ cấp thất nghiệp", "nội quy lao động", "giấy phép hoạt động dịch vụ việc làm"]),
        new("Y tế", ["giấy phép hoạt động khám bệnh, chữa bệnh", "chứng chỉ hành nghề khám bệnh, chữa bệnh", "công bố đủ điều kiện xét nghiệm"]),
        new("Dược phẩm", ["Giấy chứng nhận đủ điều kiện kinh doanh dược", "giấy phép nhập khẩu thuốc", "nội dung quảng cáo mỹ phẩm"]),
        new("An toàn thực phẩm", ["Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "bản tự công bố sản phẩm thực phẩm", "xác nhận nội dung quảng cáo thực phẩm"]),
        new("Giáo dục và Đào tạo", ["văn bằng do cơ sở giáo dục nước ngoài cấp", "hoạt động giáo dục của trung tâm ngoại ngữ, tin học", "chuyển trường đối với học sinh", "thành lập trường mầm non tư thục"]),
        new("Tài chính - Ngân sách", ["dự toán ngân sách nhà nước", "quyết toán vốn đầu tư công dự án hoàn thành", "phương án giá hàng hóa, dịch vụ"]),
        new("Thuế", ["mã số thuế", "hoàn thuế giá trị gia tăng", "miễn, giảm thuế sử dụng đất phi nông nghiệp"]),
        new("Nông nghiệp", ["Giấy chứng nhận kiểm dịch thực vật", "giấy phép khai thác thủy sản", "chứng nhận vùng trồng"]),
        new("Môi trường", ["giấy phép môi trường", "báo cáo đánh giá tác động môi trường", "đăng ký môi trường"]),
        new("Tài nguyên nước", ["giấy phép khai thác nước mặt", "giấy phép xả nước thải vào nguồn nước", "giấy phép thăm dò nước dưới đất"]),
        new("Khoáng sản", ["giấy phép khai thác khoáng sản", "giấy phép thăm dò khoáng sản", "đóng cửa mỏ khoáng sản"]),
        new("Văn hóa", ["giấy phép tổ chức lễ hội", "giấy phép kinh doanh karaoke", "công nhận bảo vật quốc gia"]),
        new("Du lịch", ["giấy phép kinh doanh dịch vụ lữ hành", "thẻ hướng dẫn viên du lịch", "công nhận cơ sở lưu trú du lịch"]),
        new("Thông tin và Truyền thông", ["giấy phép xuất bản bản tin", "giấy phép thiết lập trang thông tin điện tử tổng hợp", "giấy phép hoạt động in"]),
        new("Khoa học và Công nghệ", ["Giấy chứng nhận doanh nghiệp khoa học và công nghệ", "đăng ký chuyển giao công nghệ", "giấy phép tiến hành công việc bức xạ"]),
        new("Công thương", ["Giấy phép kinh doanh bán lẻ rượu", "giấy phép hoạt động điện lực", "Giấy chứng nhận đủ điều kiện sản xuất hóa chất", "giấy phép thành lập văn phòng đại diện thương nhân nước ngoài"]),
        new("Tư pháp", ["Phiếu lý lịch tư pháp", "đăng ký hành nghề luật sư", "thành lập văn phòng công chứng"]),
        new("Nội vụ", ["đề án vị trí việc làm", "nâng bậc lương thường xuyên đối với công chức, viên chức", "thành lập hội", "điều lệ quỹ xã hội"]),
        new("Thi đua - Khen thưởng", ["Bằng khen của Chủ tịch Ủy ban nhân dân", "danh hiệu Chiến sĩ thi đua", "Giấy khen"]),
        new("Bảo trợ xã hội", ["trợ cấp xã hội hằng tháng", "hỗ trợ chi phí mai táng", "tiếp nhận đối tượng vào cơ sở trợ giúp xã hội"]),
        new("Người có công", ["trợ cấp ưu đãi người có công", "hồ sơ liệt sĩ", "Bằng Tổ quốc ghi công"]),
        new("Phòng cháy chữa cháy", ["thẩm duyệt thiết kế về phòng cháy và chữa cháy", "nghiệm thu về phòng cháy và chữa cháy", "phương án chữa cháy của cơ sở"]),
        new("Ngân hàng", ["giấy phép hoạt động ngoại hối", "đăng ký khoản vay nước ngoài", "giấy phép hoạt động quỹ tín dụng nhân dân"]),
    ];

    public static readonly string[] Actions =
    [
        "Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn", "Thu hồi", "Đăng ký", "Đăng ký thay đổi", "Thẩm định", "Phê duyệt",
        "Công nhận", "Xác nhận", "Chấp thuận", "Thông báo", "Cho phép", "Giải quyết",
    ];

    /// <summary>Most names have no qualifier; the empty entries weigh that.</summary>
    public static readonly string[] Qualifiers =
    [
        "", "", "", "", "", "đối với doanh nghiệp nhỏ và vừa", "cho cá nhân", "cho tổ chức", "thuộc thẩm quyền cấp tỉnh",
        "thuộc thẩm quyền cấp xã", "trong trường hợp bị mất, hỏng", "đối với nhà đầu tư nước ngoài", "tại khu công nghiệp, khu kinh tế",
        "có yếu tố nước ngoài", "theo thủ tục rút gọn", "lần đầu", "khi thay đổi chủ sở hữu", "đối với hộ kinh doanh",
    ];

    public static readonly string[] Ministries =
    [
        "Bộ Tài chính", "Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường", "Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Tư pháp", "Bộ Nội vụ",
        "Bộ Công Thương", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ", "Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao",
        "Bộ Dân tộc và Tôn giáo", "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Văn phòng Chính phủ",
    ];

    public static readonly string[] Departments =
    [
        "Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Tư pháp", "Sở Nội vụ",
        "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Sở Dân tộc và Tôn giáo",
        "Ban Quản lý các khu công nghiệp", "Công an tỉnh", "Văn phòng Ủy ban nhân dân tỉnh",
    ];

    /// <summary>Syllables that make commune and district names (two each).</summary>
    public static readonly string[] PlaceSyllables =
    [
        "An", "Bình", "Phú", "Tân", "Hòa", "Phước", "Long", "Thạnh", "Mỹ", "Hưng", "Thuận", "Đông", "Tây", "Nam", "Bắc", "Trung",
        "Vĩnh", "Quang", "Minh", "Đức", "Lộc", "Hải", "Sơn", "Thủy", "Mường", "Nà", "Xuân", "Hạ", "Thượng", "Cẩm", "Gia", "Lạc",
    ];

    public static readonly string[] DocumentNames =
    [
        "Đơn đề nghị", "Tờ khai", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "Bản sao giấy tờ pháp lý của cá nhân", "Điều lệ công ty",
        "Danh sách thành viên", "Văn bản ủy quyền", "Bản vẽ thiết kế", "Báo cáo tài chính năm gần nhất", "Giấy xác nhận của cơ quan có thẩm quyền",
        "Hợp đồng thuê địa điểm", "Giấy chứng nhận quyền sử dụng đất", "Phương án kinh doanh", "Sơ yếu lý lịch", "Phiếu lý lịch tư pháp",
        "Giấy khám sức khỏe", "Văn bằng, chứng chỉ chuyên môn", "Biên lai nộp phí, lệ phí", "Ảnh chân dung 4x6 cm", "Bản cam kết",
        "Quyết định thành lập", "Biên bản họp", "Báo cáo đánh giá tác động", "Bản thuyết minh dự án", "Giấy chứng nhận đủ điều kiện",
    ];

    public static readonly string[] CaseNotes =
    [
        "Đối với trường hợp ủy quyền", "Đối với nhà đầu tư là tổ chức", "Đối với trường hợp cấp lại do bị mất", "Đối với người nước ngoài",
        "Đối với công trình có yêu cầu thẩm định",
    ];

    public static readonly string[] DataSources =
    [
        "Cơ sở dữ liệu quốc gia về dân cư", "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "Cơ sở dữ liệu đất đai quốc gia",
        "Cơ sở dữ liệu hộ tịch điện tử", "Cơ sở dữ liệu quốc gia về bảo hiểm",
    ];

    public sealed record LegalDocument(string Number, string Title, DateOnly IssuedOn, string Issuer);

    public static readonly LegalDocument[] LegalDocuments =
    [
        new("59/2020/QH14", "Luật Doanh nghiệp", new DateOnly(2020, 6, 17), "Quốc hội"),
        new("61/2020/QH14", "Luật Đầu tư", new DateOnly(2020, 6, 17), "Quốc hội"),
        new("31/2024/QH15", "Luật Đất đai", new DateOnly(2024, 1, 18), "Quốc hội"),
        new("50/2014/QH13", "Luật Xây dựng", new DateOnly(2014, 6, 18), "Quốc hội"),
        new("60/2014/QH13", "Luật Hộ tịch", new DateOnly(2014, 11, 20), "Quốc hội"),
        new("72/2020/QH14", "Luật Bảo vệ môi trường", new DateOnly(2020, 11, 17), "Quốc hội"),
        new("15/2023/QH15", "Luật Khám bệnh, chữa bệnh", new DateOnly(2023, 1, 9), "Quốc hội"),
        new("168/2025/NĐ-CP", "Nghị định về đăng ký doanh nghiệp", new DateOnly(2025, 6, 30), "Chính phủ"),
        new("31/2021/NĐ-CP", "Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư", new DateOnly(2021, 3, 26), "Chính phủ"),
        new("23/2015/NĐ-CP", "Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính", new DateOnly(2015, 2, 16), "Chính phủ"),
        new("61/2018/NĐ-CP", "Nghị định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính", new DateOnly(2018, 4, 23), "Chính phủ"),
        new("66/NQ-CP", "Nghị quyết về Chương trình cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh năm 2025 và 2026", new DateOnly(2025, 3, 26), "Chính phủ"),
    ];

    /// <summary>Who publishes the decisions of a jurisdiction's changes.</summary>
    public static readonly string[] CentralIssuers = ["BTC", "BXD", "BNNMT", "BYT", "BGDĐT", "BTP", "BNV", "BCT"];
}
