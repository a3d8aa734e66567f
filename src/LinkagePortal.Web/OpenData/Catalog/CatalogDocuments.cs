using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>Machine-readable descriptions of the datasets: Frictionless datapackage.json and a DCAT catalog in JSON-LD.</summary>
public static class CatalogDocuments
{
    public static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static IResult Json(JsonNode node, string contentType = "application/json; charset=utf-8") =>
        Results.Text(node.ToJsonString(Output), contentType);

    /// <summary>A Tabular Data Package (Frictionless v1) whose one resource is the dataset's CSV without BOM.</summary>
    public static JsonObject DataPackage(OpenDataset dataset, DatasetFacts facts, string baseUrl)
    {
        var csv = baseUrl + dataset.ListPath + ".csv" + (dataset.WholeQuery.Length == 0 ? "?" : dataset.WholeQuery + "&") + "bom=false";
        var schema = new JsonObject
        {
            ["fields"] = new JsonArray([.. dataset.Fields.Where(f => f.InCsv).Select(f => (JsonNode)TableField(f))]),
            ["missingValues"] = new JsonArray(""),
        };
        if (dataset.PrimaryKey.Length > 0)
        {
            schema["primaryKey"] = new JsonArray([.. dataset.PrimaryKey.Select(k => (JsonNode)JsonValue.Create(k))]);
        }

        return new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = "xinjiang-linkage-funds-" + dataset.Name,
            ["title"] = "新疆财政衔接推进乡村振兴补助资金：" + dataset.Title,
            ["description"] = dataset.Description,
            ["homepage"] = baseUrl + "/datasets",
            ["version"] = facts.LastChanged.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = dataset.Licence.Id, ["title"] = dataset.Licence.Title, ["path"] = dataset.Licence.Url }),
            ["sources"] = new JsonArray([.. Sources(facts, baseUrl)]),
            ["resources"] = new JsonArray(new JsonObject
            {
                ["profile"] = "tabular-data-resource",
                ["name"] = dataset.Name,
                ["path"] = csv,
                ["format"] = "csv",
                ["mediatype"] = "text/csv",
                ["encoding"] = "utf-8",
                ["dialect"] = new JsonObject
                {
                    ["delimiter"] = ",",
                    ["lineTerminator"] = "\r\n",
                    ["quoteChar"] = "\"",
                    ["doubleQuote"] = true,
                    ["header"] = true,
                },
                ["schema"] = schema,
            }),
        };
    }

    static JsonObject TableField(ApiField field)
    {
        var (type, format) = field.Type switch
        {
            FieldType.Integer => ("integer", null),
            FieldType.Decimal => ("number", null),
            FieldType.Date => ("date", null),
            FieldType.DateTime => ("datetime", "any"),
            _ => ("string", (string?)null),
        };
        var result = new JsonObject { ["name"] = field.Name, ["type"] = type, ["description"] = field.Description };
        if (format is not null)
        {
            result["format"] = format;
        }

        // A list may be empty (a project with no village matched, no fund document public yet): never required.
        var constraints = new JsonObject();
        if (!field.Nullable && field.Type != FieldType.List)
        {
            constraints["required"] = true;
        }

        if (field.Pattern is not null)
        {
            constraints["pattern"] = field.Pattern;
        }

        if (field.Values.Length > 0)
        {
            constraints["enum"] = new JsonArray([.. field.Values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }

        if (constraints.Count > 0)
        {
            result["constraints"] = constraints;
        }

        return result;
    }

    static IEnumerable<JsonNode> Sources(DatasetFacts facts, string baseUrl) =>
        facts.Sources.Select(s => (JsonNode)new JsonObject { ["title"] = s.Label, ["path"] = baseUrl + "/documents/" + s.Id })
            .Concat(facts.Dataset.ExternalSources.Select(s => (JsonNode)new JsonObject { ["title"] = s }));

    /// <summary>Who publishes the catalog: the portal (DCAT-AP's mandatory dct:publisher, a foaf:Agent).</summary>
    public const string Publisher = "新疆财政衔接资金公开平台";

    // EU controlled vocabularies that DCAT-AP 3.0.1 names for frequency, language, themes.
    const string Authority = "http://publications.europa.eu/resource/authority/";

    /// <summary>
    /// A DCAT-AP 3.0.1 catalog of every dataset (CSV, JSON and datapackage.json distributions) and the API service. Every
    /// object of a property whose range DCAT-AP constrains carries its class, as the range shapes require. The source
    /// documents are dct:relation (DCAT-AP reserves dct:source for source datasets).
    /// </summary>
    public static JsonObject Dcat(IReadOnlyList<DatasetFacts> all, string baseUrl, (int From, int To)? fiscalYears)
    {
        var catalog = new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
                ["skos"] = "http://www.w3.org/2004/02/skos/core#",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            },
            ["@id"] = baseUrl + "/datasets/catalog.jsonld",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Chinese("新疆财政衔接推进乡村振兴补助资金公开数据"),
            ["dct:description"] = Chinese("资金分配、项目、公告公示、绩效目标、区划和监督联系方式，每个数字注明来源文件。"),
            ["dct:publisher"] = PublisherNode(baseUrl),
            ["dct:language"] = Typed(Authority + "language/ZHO", "dct:LinguisticSystem"),
            ["dct:license"] = Typed(OpenDatasets.PortalLicence.Url, "dct:LicenseDocument"),
            ["dct:spatial"] = Xinjiang(baseUrl),
            ["dct:modified"] = DateTime(all.Max(f => f.LastChanged)),
            ["foaf:homepage"] = Typed(baseUrl + "/datasets", "foaf:Document"),
            ["dcat:themeTaxonomy"] = new JsonObject
            {
                ["@id"] = Authority + "data-theme",
                ["@type"] = "skos:ConceptScheme",
                ["dct:title"] = new JsonObject { ["@value"] = "Data theme", ["@language"] = "en" },
                ["skos:prefLabel"] = new JsonObject { ["@value"] = "Data theme", ["@language"] = "en" },
            },
            ["dcat:service"] = new JsonObject
            {
                ["@id"] = baseUrl + "/api/v1",
                ["@type"] = "dcat:DataService",
                ["dct:title"] = Chinese("开放数据接口 /api/v1"),
                ["dct:publisher"] = PublisherNode(baseUrl),
                ["dct:license"] = Typed(OpenDatasets.PortalLicence.Url, "dct:LicenseDocument"),
                ["dcat:contactPoint"] = ContactPoint(baseUrl),
                ["dcat:endpointURL"] = Typed(baseUrl + "/api/v1", "rdfs:Resource"),
                ["dcat:endpointDescription"] = Typed(baseUrl + "/api/v1/openapi.json", "rdfs:Resource"),
                ["dcat:servesDataset"] = new JsonArray([.. all.Select(f => (JsonNode)new JsonObject { ["@id"] = DatasetId(f.Dataset, baseUrl) })]),
            },
            ["dcat:dataset"] = new JsonArray([.. all.Select(f => (JsonNode)DcatDataset(f, baseUrl))]),
        };
        if (fiscalYears is { } years)
        {
            catalog["dct:temporal"] = new JsonObject
            {
                ["@type"] = "dct:PeriodOfTime",
                ["dcat:startDate"] = new JsonObject { ["@value"] = years.From.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + "-01-01", ["@type"] = "xsd:date" },
                ["dcat:endDate"] = new JsonObject { ["@value"] = years.To.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + "-12-31", ["@type"] = "xsd:date" },
            };
        }

        return catalog;
    }

    static string DatasetId(OpenDataset dataset, string baseUrl) => baseUrl + "/datasets#" + dataset.Name;

    static JsonObject DcatDataset(DatasetFacts facts, string baseUrl)
    {
        var d = facts.Dataset;
        var modified = DateTime(facts.LastChanged);
        return new JsonObject
        {
            ["@id"] = DatasetId(d, baseUrl),
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = d.Name,
            ["dct:title"] = Chinese(d.Title),
            ["dct:description"] = Chinese(d.Description),
            ["dct:modified"] = modified,
            ["dct:publisher"] = PublisherNode(baseUrl),
            ["dct:spatial"] = Xinjiang(baseUrl),
            ["dct:accrualPeriodicity"] = Typed(Authority + "frequency/IRREG", "dct:Frequency"),
            ["dcat:contactPoint"] = ContactPoint(baseUrl),
            ["dcat:landingPage"] = Typed(baseUrl + "/datasets#" + d.Name, "foaf:Document"),
            ["dcat:theme"] = new JsonArray([.. Themes(d).Select(t => (JsonNode)new JsonObject
            {
                ["@id"] = Authority + "data-theme/" + t.Code,
                ["@type"] = "skos:Concept",
                ["skos:prefLabel"] = Chinese(t.Label),
            })]),
            ["dct:relation"] = new JsonArray([.. facts.Sources.Select(s => (JsonNode)new JsonObject { ["@id"] = baseUrl + "/documents/" + s.Id })]),
            ["dcat:distribution"] = new JsonArray(
                Distribution(d, "CSV", baseUrl + d.CsvPath, "text/csv", download: true, modified),
                Distribution(d, "JSON", baseUrl + d.JsonPath, "application/json", download: false, modified),
                Distribution(d, "Frictionless Data Package", baseUrl + "/datasets/" + d.Name + "/datapackage.json", "application/json", download: true, modified),
                Distribution(d, "全部数据集（ZIP：CSV、datapackage.json、数据字典、SHA256SUMS）", baseUrl + BulkDownloads.ZipPath, "application/zip", download: true, modified),
                Distribution(d, "全部公开数据（SQLite 数据库）", baseUrl + BulkDownloads.SqlitePath, "application/vnd.sqlite3", download: true, modified)),
        };
    }

    /// <summary>EU data themes: public finance is government (GOVE) and economy (ECON); the code table is regions (REGI).</summary>
    static (string Code, string Label)[] Themes(OpenDataset dataset) =>
        dataset.Name == RegionsApi.Source.Dataset ? [("REGI", "地区与城市")] : [("GOVE", "政府与公共部门"), ("ECON", "经济与财政")];

    static JsonObject Distribution(OpenDataset dataset, string title, string url, string mediaType, bool download, JsonNode modified)
    {
        var distribution = new JsonObject
        {
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = Chinese(title),
            ["dcat:accessURL"] = new JsonObject { ["@id"] = url },
            ["dcat:mediaType"] = Typed("https://www.iana.org/assignments/media-types/" + mediaType, "dct:MediaType"),
            ["dct:license"] = Typed(dataset.Licence.Url, "dct:LicenseDocument"),
            ["dct:modified"] = modified.DeepClone(),
        };
        if (download)
        {
            distribution["dcat:downloadURL"] = new JsonObject { ["@id"] = url };
        }

        return distribution;
    }

    static JsonObject PublisherNode(string baseUrl) => new()
    {
        ["@id"] = baseUrl + "/about#publisher",
        ["@type"] = "foaf:Agent",
        ["foaf:name"] = Chinese(Publisher),
    };

    /// <summary>The portal's contact: its about page (vcard:Organization is a vcard:Kind; both stated for the range shape).</summary>
    static JsonObject ContactPoint(string baseUrl) => new()
    {
        ["@id"] = baseUrl + "/about#contact",
        ["@type"] = new JsonArray("vcard:Kind", "vcard:Organization"),
        ["vcard:fn"] = Chinese(Publisher),
        ["vcard:hasURL"] = new JsonObject { ["@id"] = baseUrl + "/about" },
    };

    static JsonObject Xinjiang(string baseUrl) => new()
    {
        ["@id"] = baseUrl + "/regions/65",
        ["@type"] = "dct:Location",
        ["skos:prefLabel"] = Chinese("新疆维吾尔自治区"),
    };

    static JsonObject Typed(string id, string type) => new() { ["@id"] = id, ["@type"] = type };

    static JsonObject Chinese(string text) => new() { ["@value"] = text, ["@language"] = "zh" };

    static JsonObject DateTime(DateTime utc) => new()
    {
        ["@value"] = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["@type"] = "xsd:dateTime",
    };
}
