using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>/api/v1/contacts: the supervision telephones and addresses printed on a region's notices.</summary>
public static class ContactsApi
{
    static readonly IReadOnlyList<ApiField<ContactRecord>> Fields =
    [
        ..CommonFields.Region<ContactRecord>("region", "联系方式所属区划的代码。", c => c.RegionCode, c => c.RegionName),
        new("hotline", FieldType.Text, "监督电话，照公告原样（区号-号码）。", c => c.Hotline) { Nullable = true, NullMeans = "公告未印" },
        new("disciplineLine", FieldType.Text, "纪检监察举报电话。", c => c.DisciplineLine) { Nullable = true, NullMeans = "公告未印" },
        new("address", FieldType.Text, "通讯地址。", c => c.Address) { Nullable = true, NullMeans = "公告未印" },
        new("email", FieldType.Text, "电子邮箱。", c => c.Email) { Nullable = true, NullMeans = "公告未印" },
        new("sourceDocumentId", FieldType.Code, "印有这些联系方式的文件 id（见 documents）。", c => c.SourceDocumentId) { Nullable = true, NullMeans = "文件尚未公开", Pattern = CodePatterns.Slug },
        new("note", FieldType.Text, "整理说明：原文措辞、出处。", c => c.Note) { Nullable = true },
    ];

    /// <summary>The list: its dataset's name, SQL, key and fields (the catalog reads them from here).</summary>
    public static readonly ListSource<ContactRecord> Source = new()
    {
        Dataset = "contacts", Select = ContactRecords.Select, From = ContactRecords.From, Key = "c.region_code", KeyKind = KeyKind.Text, KeyOf = c => c.RegionCode, Fields = Fields,
    };

    static readonly ApiParam Region = new("region", ParamKind.Code, "只列这个区划及其所有下级区划的联系方式。") { Example = "6542" };

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapList("/contacts", "监督联系方式", "各地公告公示印出的监督电话、纪检电话、地址和邮箱。", [Region], Source, async (query, filter, db, _) =>
        {
            if (query.Text("region") is { } region && await ApiRoutes.CheckRegionAsync(query, "region", region, db))
            {
                filter.And(RegionCodes.Under("c.region_code"), SqlFilter.Under(region));
            }

            return null;
        });
}
