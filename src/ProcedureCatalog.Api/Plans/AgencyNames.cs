using System.Text;
using System.Text.RegularExpressions;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Plans;

/// <summary>
/// The agencies an annex cell names (cơ quan chủ trì, cơ quan phối hợp), one by one, and which of them are agencies of the
/// catalogue. A cell lists them separated by line breaks or semicolons, or by commas before the next agency's first word
/// ("Sở Tài chính, Sở Khoa học và Công nghệ"); a comma inside a group's name stays ("Các sở, ban, ngành thành phố", "UBND các
/// xã, phường"), and "… và các đơn vị có liên quan" is a group of its own. Plans write an agency's name without the
/// jurisdiction it belongs to: "Sở Tài chính" of Cần Thơ is "Sở Tài chính thành phố Cần Thơ", "Văn phòng UBND thành phố" is
/// "Văn phòng UBND thành phố Cần Thơ". A name is an agency when, as written or so completed, it is the name of one of the
/// jurisdiction's agencies (case, Unicode form and spacing aside); every other name stays the plan's words.
/// </summary>
internal static class AgencyNames
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>The first words of an agency's name, before which a comma separates two agencies.</summary>
    private static readonly Regex BetweenAgencies = new(
        ",\\s*(?=(?:Sở|Văn phòng|UBND|Ủy ban|Uỷ ban|Ban|Phòng|Trung tâm|Công an|Cục|Chi cục|Bộ|Kho bạc|Thanh tra|Bảo hiểm|Đài|Hội|Các)\\s)".Normalize(NormalizationForm.FormC),
        Options, TimeSpan.FromSeconds(1));

    /// <summary>"… và các đơn vị có liên quan": the group after "và các" is a name of its own.</summary>
    private static readonly Regex AndTheOthers = new("\\s+và\\s+(?=các\\s)".Normalize(NormalizationForm.FormC), Options, TimeSpan.FromSeconds(1));

    /// <summary>The names a cell gives, in order, each once.</summary>
    public static IReadOnlyList<string> Split(string? cell)
    {
        var names = new List<string>();
        foreach (var part in (cell ?? string.Empty).Normalize(NormalizationForm.FormC).Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var agency in BetweenAgencies.Split(part).SelectMany(piece => AndTheOthers.Split(piece)))
            {
                var name = string.Join(' ', agency.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim().Trim('-', '–', '•', '*', '+', '.', ',', ':', ' ');
                if (name.Length > 0 && !names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>The agencies of a jurisdiction, by the keys of their names, to match a plan's names against.</summary>
    public sealed class Catalogue
    {
        private readonly Dictionary<string, long> byKey;
        private readonly Dictionary<long, string> names = [];
        private readonly string? level;
        private readonly string jurisdictionName;

        public Catalogue(string jurisdictionName, IEnumerable<(long Id, string Name)> agencies)
        {
            this.jurisdictionName = jurisdictionName.Trim();
            byKey = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (id, name) in agencies)
            {
                byKey.TryAdd(TextRules.NameKey(name), id);
                names[id] = name;
            }

            // "Thành phố Cần Thơ" → "thành phố", "Tỉnh Điện Biên" → "tỉnh": the word a plan ends a name with when it means the jurisdiction.
            var key = TextRules.NameKey(this.jurisdictionName);
            level = new[] { "thành phố", "tỉnh" }.FirstOrDefault(word => key.StartsWith(word + " ", StringComparison.Ordinal));
        }

        /// <summary>The catalogue's name of one of its agencies.</summary>
        public string NameOf(long id) => names[id];

        /// <summary>The agency the plan's name stands for, or null: the name stays the plan's words.</summary>
        public long? Match(string name)
        {
            var key = TextRules.NameKey(name);
            if (byKey.TryGetValue(key, out var id) || byKey.TryGetValue(TextRules.NameKey(name + " " + jurisdictionName), out id))
            {
                return id;
            }

            if (level is not null && key.EndsWith(" " + level, StringComparison.Ordinal)
                && byKey.TryGetValue(TextRules.NameKey(name + " " + jurisdictionName[level.Length..].Trim()), out id))
            {
                return id;
            }

            return null;
        }
    }
}
