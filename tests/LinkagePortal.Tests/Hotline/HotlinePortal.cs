using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LinkagePortal.Data;
using LinkagePortal.Hotline;
using LinkagePortal.Keys;
using LinkagePortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Hotline;

/// <summary>The portal on its own seeded database, with helpers to issue keys and read what the API wrote.</summary>
public class HotlinePortal : PortalFactory
{
    public HotlinePortal()
    {
    }

    protected HotlinePortal(DatabaseProvider provider) : base(provider)
    {
    }

    /// <summary>Issues a key as the <c>keys create</c> command does; returns the key text.</summary>
    public async Task<string> IssueKeyAsync(string organisation, params string[] counties)
    {
        var (_, key) = await Services.GetRequiredService<ApiKeys>().CreateAsync(organisation, counties, "test");
        return key;
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static object Complaint(long projectId, string caseReference, string summary = "村民反映路面开裂，施工单位未按期修复") => new
    {
        projectId,
        receivedAt = "2024-03-01T10:15:00+08:00",
        channel = "hotline",
        category = "工程质量",
        summary,
        caseReference,
    };

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}

/// <summary>The hotline portal on a fresh SQL Server database (LINKAGE_SQLSERVER); its tests skip when none is configured.</summary>
public sealed class SqlServerHotlinePortal() : HotlinePortal(DatabaseProvider.SqlServer);
